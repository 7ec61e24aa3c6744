/* test-numbers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-numbers.h"

/* Numbers written as KIND:VALUE@START-END, KIND one of n p d m. */
static char *
describe (const char *text,
          BtLanguage  language)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (BtNumber));
  g_autoptr(GString) s = g_string_new (NULL);

  bt_numbers_extract (text, language, numbers);
  for (guint i = 0; i < numbers->len; i++)
    {
      const BtNumber *n = &g_array_index (numbers, BtNumber, i);

      g_string_append_printf (s, "%s%c:%.14g@%u-%u", i > 0 ? " " : "",
                              "npdm"[n->kind], n->value, n->start, n->end);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
run_cases (const Case *cases,
           guint       n,
           BtLanguage  language)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *got = describe (cases[i].text, language);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_numbers_chinese (void)
{
  static const Case cases[] = {
    { "计划投资386亿元", "n:38600000000@4-8" },
    { "将达到1.2万公里", "n:12000@3-7" },
    { "累计完成投资超过1500亿元", "n:150000000000@8-13" },
    { "新增营业里程3200公里", "n:3200@6-10" },
    { "带动就业约2.6万人", "n:26000@5-9" },
    { "约3万亿元", "n:3000000000000@1-4" },
    { "同比增长21%", "p:21@4-7" },
    { "增长２１％", "p:21@2-5" },
    { "百分之十二点五", "p:12.5@0-7" },
    { "提高3个百分点", "p:3@2-7" },
    { "4月23日", "d:423@0-5" },
    { "2026年04月24日 08:30", "n:2026@0-4 d:424@5-11 n:8@12-14 n:30@15-17" },
    { "明年6月30日前", "d:630@2-7" },
    { "四月二十三日", "d:423@0-6 n:4@0-1 n:23@2-5" },
    { "今年四月", "m:4@2-4 n:4@2-3" },
    { "二月十七日", "d:217@0-5 n:2@0-1 n:17@2-4" },
    { "九百三十岁", "n:930@0-4" },
    { "第二日", "n:2@1-2" },
    { "建设8个物流园区", "n:8@2-3" },
    { "八个园区", "n:8@0-1" },
    { "第八届", "n:8@1-2" },
    { "两到三倍", "n:2@0-1 n:3@2-3" },
    { "过去五年", "n:5@2-3" },
    { "新开工项目12个", "n:12@5-7" },
    { "一个半小时", "" },
    { "第一季度", "" },
    { "十分重要", "" },
    { "万人空巷", "" },
    { "二十三", "n:23@0-3" },
    { "一百零八", "n:108@0-4" },
    { "三千五百万", "n:35000000@0-5" },
    { "二〇二四年", "n:2024@0-4" },
    { "十二", "n:12@0-2" },
    { "3.6億美元", "n:360000000@0-4" },
    { "12,000公里", "n:12000@0-6" },
    { "50多个国家", "n:50@0-2" },
    { "首季增長兩成", "p:20@4-6" },
    { "投资1500多亿元", "n:150000000000@2-8" },
    { "三十余万人", "n:300000@0-4" },
    { "200多个", "n:200@0-3" },
    { "增长三成多", "p:30@2-4" },
    { "三成为", "n:3@0-1" },
    { "", "" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), BT_LANGUAGE_ZH);
}

static void
test_numbers_english (void)
{
  static const Case cases[] = {
    { "38.6 billion yuan", "n:38600000000@0-12" },
    { "12,000 km", "n:12000@0-6" },
    { "3,200 km", "n:3200@0-5" },
    { "$360 million", "n:360000000@1-12" },
    { "about 26,000 jobs", "n:26000@6-12" },
    { "grew 21% from", "p:21@5-8" },
    { "12.5 percent", "p:12.5@0-12" },
    { "12.5 per cent", "p:12.5@0-13" },
    { "3 percentage points", "p:3@0-19" },
    { "April 23", "d:423@0-8" },
    { "on April 23, 2026", "d:423@3-11 n:2026@13-17" },
    { "by June 30 next year", "d:630@3-10" },
    { "23 April", "d:423@0-8" },
    { "Sept. 17", "d:917@0-8" },
    { "April 23rd", "d:423@0-10" },
    { "in April", "m:4@3-8" },
    { "May 5", "d:505@0-5" },
    { "May rise", "" },
    { "eight logistics parks", "n:8@0-5" },
    { "Eight parks", "n:8@0-5" },
    { "the eighth time", "n:8@4-10" },
    { "two to three times", "n:2@0-3 n:3@7-12" },
    { "twenty-five", "n:25@0-11" },
    { "two hundred and fifty", "n:250@0-21" },
    { "three million", "n:3000000@0-13" },
    { "a million people", "n:1000000@0-9" },
    { "one of them, a first", "" },
    { "five five", "n:5@0-4 n:5@5-9" },
    { "in 2030", "n:2030@3-7" },
    { "50 minutes", "n:50@0-2" },
    { "1.5bn", "n:1500000000@0-5" },
    { "the second month, the seventeenth day", "n:2@4-10 n:17@22-33" },
    { "nine hundred and thirty years", "n:930@0-23" },
    { "threescore and ten", "n:70@0-18" },
    { "fourscore and seven years", "n:87@0-19" },
    { "twenty-first", "n:21@0-12" },
    { "an hundred and twenty", "n:120@0-21" },
    { "ten five", "n:10@0-3 n:5@4-8" },
    { "avenged sevenfold", "n:7@8-17" },
    { "seventy and sevenfold", "n:77@0-21" },
    { "manifold", "" },
    { "five and thirty years", "n:35@0-15" },
    { "the seven and twentieth day", "n:27@4-23" },
    { "the hundred and fifty days", "n:150@4-21" },
    { "in the six hundredth year", "n:600@7-20" },
    { "hundreds", "" },
    { "and - and", "" },
    { "", "" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), BT_LANGUAGE_EN);
}

/* The same facts written in both languages give equal numbers. */
static void
test_numbers_pairs (void)
{
  static const struct { const char *zh; const char *en; } pairs[] = {
    { "386亿元", "38.6 billion yuan" },
    { "1.2万公里", "12,000 km" },
    { "4月23日", "April 23" },
    { "八个", "eight" },
    { "21%", "21 percent" },
    { "约120亿元", "about 12 billion yuan" },
    { "3.6亿美元", "$360 million" },
    { "118亿枝", "11.8 billion" },
    { "2.5万公顷", "25,000 hectares" },
    { "百分之二十一", "21%" },
    { "六月三十日", "June 30" },
    { "两成", "20 percent" },
    { "二月十七日", "the seventeenth" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GArray) zh = g_array_new (FALSE, FALSE, sizeof (BtNumber));
      g_autoptr(GArray) en = g_array_new (FALSE, FALSE, sizeof (BtNumber));
      const BtNumber *b;
      gboolean found = FALSE;

      bt_numbers_extract (pairs[i].zh, BT_LANGUAGE_ZH, zh);
      bt_numbers_extract (pairs[i].en, BT_LANGUAGE_EN, en);
      g_assert_cmpuint (en->len, ==, 1);
      b = &g_array_index (en, BtNumber, 0);
      /* a date in Chinese numerals gives its month and day as well */
      for (guint j = 0; j < zh->len; j++)
        {
          const BtNumber *a = &g_array_index (zh, BtNumber, j);

          if (bt_number_equal (a, b))
            {
              g_assert_cmpuint (bt_number_key (a), ==, bt_number_key (b));
              found = TRUE;
            }
        }
      g_test_message ("%s | %s", pairs[i].zh, pairs[i].en);
      g_assert_true (found);
    }
}

static void
test_numbers_equal (void)
{
  static const struct {
    BtNumber a;
    BtNumber b;
    gboolean equal;
  } cases[] = {
    { { BT_NUMBER_PLAIN, 38.6e9 }, { BT_NUMBER_PLAIN, 386e8 }, TRUE },
    { { BT_NUMBER_PLAIN, 0.1 + 0.2 }, { BT_NUMBER_PLAIN, 0.3 }, TRUE },
    { { BT_NUMBER_PLAIN, 0 }, { BT_NUMBER_PLAIN, 0 }, TRUE },
    { { BT_NUMBER_PLAIN, 21 }, { BT_NUMBER_PERCENT, 21 }, FALSE },
    { { BT_NUMBER_PLAIN, 12000 }, { BT_NUMBER_PLAIN, 12001 }, FALSE },
    { { BT_NUMBER_DATE, 423 }, { BT_NUMBER_DATE, 424 }, FALSE },
    { { BT_NUMBER_MONTH, 4 }, { BT_NUMBER_PLAIN, 4 }, FALSE },
    { { BT_NUMBER_PLAIN, -5 }, { BT_NUMBER_PLAIN, 5 }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (bt_number_equal (&cases[i].a, &cases[i].b), ==,
                       cases[i].equal);
      g_assert_cmpint (bt_number_key (&cases[i].a) == bt_number_key (&cases[i].b),
                       ==, cases[i].equal);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numbers/chinese", test_numbers_chinese);
  g_test_add_func ("/numbers/english", test_numbers_english);
  g_test_add_func ("/numbers/pairs", test_numbers_pairs);
  g_test_add_func ("/numbers/equal", test_numbers_equal);

  return g_test_run ();
}
