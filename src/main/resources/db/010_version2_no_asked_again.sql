-- Clinical rules version 3 narrowed two "No" answers: question 1's "No, none of these" no longer
-- holds new mild pain low in the belly (the wider middle answer does), and birth control's "No" no
-- longer holds a copper coil (an answer of its own). Every check stored before this release was
-- answered under version 2, so both answers are dropped from it: the person is asked those two
-- questions again, with every other answer kept and marked. Answers are stored as sorted names
-- joined by commas.
UPDATE chat
   SET answers = trim(replace(replace(',' || answers || ',', ',EMERGENCY_NONE,', ','), ',BIRTH_CONTROL_NO,', ','), ',')
 WHERE ',' || answers || ',' LIKE '%,EMERGENCY_NONE,%'
    OR ',' || answers || ',' LIKE '%,BIRTH_CONTROL_NO,%';
