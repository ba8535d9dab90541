// The reference for the crowd benchmark: the same check written the way grammY's runner is meant to
// be used (concurrent across chats, in order within a chat, state in memory, nothing durable).
// It makes the same Bot API calls per step as SpotCheck and speaks its callback data, so the
// benchmark's people can walk it. How to run it: see docs/performance.md.
"use strict";
const { Bot, InlineKeyboard } = require("grammy");
const { run, sequentialize } = require("@grammyjs/runner");

// Answers per question, as in SpotCheck's first question set; the people read whatever is shown.
const ANSWERS = [2, 3, 3, 4, 3, 2, 3, 3];
const filler = (n) => "Some plain words about this step of the check. ".repeat(n);

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_URL } });
const chats = new Map(); // chat id -> { check, question, answers, questionMessage }

function question(state) {
  const keyboard = new InlineKeyboard();
  for (let a = 0; a < ANSWERS[state.question]; a++) {
    keyboard.text(`Answer ${a + 1}`, `q:${state.check}:${state.question}:${a}`).row();
  }
  if (state.question > 0) keyboard.text("Back", `k:${state.check}:${state.question}`);
  keyboard.text("Why this question?", `w:${state.question}`);
  return { text: `<i>Question ${state.question + 1} of ${ANSWERS.length}</i>\n\n${filler(4)}`, keyboard };
}

bot.use(sequentialize((ctx) => String(ctx.chat?.id)));

bot.command("start", (ctx) =>
  ctx.reply(`<b>Welcome</b>\n\n${filler(8)}`, {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text("Start the check", "begin").row().text("Privacy", "privacy"),
  }));

bot.callbackQuery("begin", async (ctx) => {
  const old = chats.get(ctx.chat.id);
  const state = { check: old ? old.check + 1 : 1, question: 0, answers: [], questionMessage: 0 };
  chats.set(ctx.chat.id, state);
  const q = question(state);
  const [, sent] = await Promise.all([
    ctx.answerCallbackQuery(),
    ctx.reply(q.text, { parse_mode: "HTML", protect_content: true, reply_markup: q.keyboard }),
  ]);
  state.questionMessage = sent.message_id;
  if (old && old.questionMessage) await ctx.api.deleteMessage(ctx.chat.id, old.questionMessage).catch(() => {});
});

bot.callbackQuery(/^q:(\d+):(\d+):(\d+)$/, async (ctx) => {
  const [, check, number, answer] = ctx.match.map(Number);
  const state = chats.get(ctx.chat.id);
  if (!state || state.check !== check || state.question !== number || answer >= ANSWERS[number]) {
    return ctx.answerCallbackQuery({ text: "That button is old." });
  }
  state.answers.push(answer);
  state.question++;
  if (state.question < ANSWERS.length) {
    const q = question(state);
    await Promise.all([ctx.answerCallbackQuery(), ctx.editMessageText(q.text, { parse_mode: "HTML", reply_markup: q.keyboard })]);
    return;
  }
  await Promise.all([ctx.answerCallbackQuery(), ctx.editMessageText("Finished: your result is below.")]);
  const result = new InlineKeyboard().text("Remind me", "remind").row()
    .text("Why cause 1?", "c:0").row().text("Why cause 2?", "c:1").row()
    .text("Start again", "begin").row().text("Erase my data", "forget");
  await ctx.reply(`<b>See a doctor this week</b>\n\n${filler(30)}`, { parse_mode: "HTML", protect_content: true, reply_markup: result });
  await ctx.reply("Shall I remember this check?", {
    reply_markup: new InlineKeyboard().text("Yes", `keep:${check}:y`).text("No", `keep:${check}:n`),
  });
});

bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());

const runner = run(bot);
const stop = () => runner.isRunning() && runner.stop();
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
