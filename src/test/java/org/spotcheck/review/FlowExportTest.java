package org.spotcheck.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Question;
import org.spotcheck.text.Html;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;

/**
 * The committed clinical review view (docs/flow.md, docs/content.md) is exactly what the code and
 * texts say now, so a clinician never reviews a stale copy.
 */
class FlowExportTest {

    private static final String REFRESH =
            "run `mvn -B -q package -DskipTests && java -jar target/spotcheck-bot.jar --export-flow docs` to refresh";

    private static final Path DOCS = Path.of(System.getProperty("basedir", ".")).resolve("docs");

    /** As written, like content.md: a clinician sees where a deployment's own services go. */
    private static final Messages EN = Messages.asWritten("en");

    @TempDir
    Path out;

    @Test
    void committedFlowMatchesTheCode() throws IOException {
        FlowExport.export(out);

        assertSameFile(FlowExport.FLOW);
    }

    @Test
    void committedContentMatchesTheTexts() throws IOException {
        FlowExport.export(out);

        assertSameFile(FlowExport.CONTENT);
    }

    @Test
    void exportingTwiceGivesTheSameBytes() throws IOException {
        FlowExport.export(out.resolve("a"));
        FlowExport.export(out.resolve("b"));

        for (String name : new String[] {FlowExport.FLOW, FlowExport.CONTENT}) {
            assertThat(Files.readAllBytes(out.resolve("b").resolve(name)))
                    .as(name).isEqualTo(Files.readAllBytes(out.resolve("a").resolve(name)));
        }
    }

    @Test
    void theFlowchartHasOneNodePerQuestionAndEveryAnswerButton() throws IOException {
        FlowExport.export(out);
        String flow = Files.readString(out.resolve(FlowExport.FLOW), StandardCharsets.UTF_8);
        String mermaid = mermaidBlock(flow);

        assertThat(mermaid).startsWith("flowchart TD\n");
        for (Question question : Question.values()) {
            var node = Pattern.compile("(?m)^\\s*" + Pattern.quote(FlowExport.nodeId(question)) + "\\[\"(.*)\"]$")
                    .matcher(mermaid);
            assertThat(node.find()).as("a node for question %s", question).isTrue();
            assertThat(node.group(1)).as("node of %s", question).startsWith(FlowExport.number(question) + ". ")
                    .doesNotContain("<", ">", "\"");
            assertThat(node.find()).as("only one node for question %s", question).isFalse();
        }
        var questionNodes = Pattern.compile("(?m)^\\s*q_\\w+\\[").matcher(mermaid).results().count();
        assertThat(questionNodes).as("question nodes").isEqualTo(Question.values().length);

        for (Answer answer : Answer.values()) {
            String label = Html.toPlain(EN.get("answer." + answer.key()));
            assertThat(mermaid).as("the button %s (%s)", label, answer)
                    .contains("|\"" + FlowExport.mermaidLabel(label) + "\"|");
        }
    }

    @Test
    void theEmergencyYesEndsAtNowAndTheLastQuestionAtTheRulesTable() throws IOException {
        FlowExport.export(out);
        String mermaid = mermaidBlock(Files.readString(out.resolve(FlowExport.FLOW), StandardCharsets.UTF_8));

        String yes = FlowExport.mermaidLabel(Html.toPlain(EN.get("answer." + Answer.EMERGENCY_YES.key())));
        assertThat(mermaid).contains(FlowExport.nodeId(Question.EMERGENCY) + " -->|\"" + yes + "\"| NOW\n");
        for (Answer answer : Question.SCREENING.answers()) {
            String label = FlowExport.mermaidLabel(Html.toPlain(EN.get("answer." + answer.key())));
            boolean hysterectomy = answer == Answer.HYSTERECTOMY_RECENT || answer == Answer.HYSTERECTOMY_PAST;
            assertThat(mermaid).contains("|\"" + label + "\"| " + (hysterectomy ? FlowExport.nodeId(Question.CERVIX) : "result") + "\n");
        }
        for (Answer answer : Question.CERVIX.answers()) {
            String label = FlowExport.mermaidLabel(Html.toPlain(EN.get("answer." + answer.key())));
            assertThat(mermaid).contains(FlowExport.nodeId(Question.CERVIX) + " -->|\"" + label + "\"| result\n");
        }
        String again = FlowExport.mermaidLabel(Html.toPlain(EN.get("answer." + Answer.AGAIN_SINCE_LAST.key())));
        assertThat(mermaid).as("\"it happened again\" is drawn as offered only sometimes")
                .contains(FlowExport.nodeId(Question.FREQUENCY) + " -.->|\"" + again + "\"|");
    }

    @Test
    void aStaleFileIsReportedByItsFirstDifferentLine() {
        assertThat(firstDifference("a\nb\nc\n", "a\nB\nc\n"))
                .isEqualTo("first difference at line 2:\n  committed: b\n  generated: B");
        assertThat(firstDifference("a", "a\nb")).contains("line 2", "committed: (end of file)", "generated: b");
    }

    @Test
    void labelsKeepMermaidSyntaxOutOfTheText() {
        assertThat(FlowExport.mermaidLabel("Say \"hi\" (now) <b>|#`[x]{y}"))
                .isEqualTo("Say #quot;hi#quot; #40;now#41; #lt;b#gt;#124;#35;#96;#91;x#93;#123;y#125;");
        assertThat(FlowExport.mermaidLabel("two\nlines")).isEqualTo("two lines");
    }

    @Test
    void everyTextAppearsInTheContentTableWithItsKey() throws IOException {
        FlowExport.export(out);
        String content = Files.readString(out.resolve(FlowExport.CONTENT), StandardCharsets.UTF_8);

        var missing = new ArrayList<String>();
        for (String key : EN.keys()) {
            if (!content.contains("| `" + key + "` | " + FlowExport.cell(EN.get(key)) + " | ")) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys without their row in content.md").isEmpty();
        assertThat(content).doesNotContain("missing in sources.properties");
    }

    @Test
    void everyTranslatedLanguageHasARowInTheTranslationsTable() throws IOException {
        FlowExport.export(out);
        String content = Files.readString(out.resolve(FlowExport.CONTENT), StandardCharsets.UTF_8);
        var section = Pattern.compile("(?s)\n## Translations\n(.*?)\n## ").matcher(content);
        assertThat(section.find()).as("a \"## Translations\" section in content.md").isTrue();

        var missing = new ArrayList<String>();
        for (String language : Texts.LANGUAGES) {
            if (!language.equals(Texts.FALLBACK) && !section.group(1).contains("| `" + language + "` |")) {
                missing.add(language);
            }
        }
        assertThat(missing).as("languages without their row (variety, address, one word per concept) in the"
                + " Translations table of content.md: add one to FlowExport.TRANSLATIONS").isEmpty();
    }

    private void assertSameFile(String name) throws IOException {
        Path committed = DOCS.resolve(name);
        assertThat(committed).as("docs/%s is missing: %s", name, REFRESH).exists();
        String message = "docs/" + name + " differs from what the code and texts say now: " + REFRESH;
        byte[] generated = Files.readAllBytes(out.resolve(name));
        byte[] written = Files.readAllBytes(committed);
        if (!Arrays.equals(generated, written)) {
            fail(message + "\n" + firstDifference(new String(written, StandardCharsets.UTF_8),
                    new String(generated, StandardCharsets.UTF_8)));
        }
    }

    /** Where the committed file first differs, so the message stays short. */
    static String firstDifference(String committed, String generated) {
        var a = committed.split("\n", -1);
        var b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "(end of file)";
            String right = i < b.length ? b[i] : "(end of file)";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ":\n  committed: " + left + "\n  generated: " + right;
            }
        }
        return "the files differ in bytes only (encoding or line endings)";
    }

    private static String mermaidBlock(String markdown) {
        var block = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(block.find()).as("a ```mermaid block").isTrue();
        return block.group(1);
    }
}
