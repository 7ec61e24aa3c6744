/* test-segment-zh.c: Chinese sentences and clauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-segmenter.h"

#define MAX_PIECES 8

typedef struct
{
  const char *name;
  const char *text;
  const char *expected[MAX_PIECES]; /* NULL-terminated */
} Case;

static const Case sentence_cases[] = {
  { "two-full-stops", "今天天气很好。我们去公园吧。",
    { "今天天气很好。", "我们去公园吧。" } },
  { "question-exclamation", "你去吗？我不去！", { "你去吗？", "我不去！" } },
  { "closing-quote-kept", "他说：“我们走吧。”然后离开了。",
    { "他说：“我们走吧。”", "然后离开了。" } },
  { "mark-run", "真的吗？！太好了。", { "真的吗？！", "太好了。" } },
  { "double-ellipsis", "他想了想……最后还是走了。",
    { "他想了想……", "最后还是走了。" } },
  { "single-ellipsis", "等一下…我马上来。", { "等一下…", "我马上来。" } },
  { "semicolon-not-an-end", "经济稳定增长；就业形势总体稳定。",
    { "经济稳定增长；就业形势总体稳定。" } },
  { "ascii-question-exclamation", "这是真的吗?是的!", { "这是真的吗?", "是的!" } },
  { "ascii-comma-colon", "习近平强调,要坚持发展:这是关键。下一步。",
    { "习近平强调,要坚持发展:这是关键。", "下一步。" } },
  { "opening-quote-moves", "会议结束。“我们要努力，”他说。",
    { "会议结束。", "“我们要努力，”他说。" } },
  { "closing-paren-kept", "详见附件（第三条。）其他内容。",
    { "详见附件（第三条。）", "其他内容。" } },
  { "nested-closers", "他说：“你读过《三国》吗？”我说读过。",
    { "他说：“你读过《三国》吗？”", "我说读过。" } },
  { "lenticular-brackets", "【新华社消息。】今天开会。",
    { "【新华社消息。】", "今天开会。" } },
  { "trad-corner-quotes", "他說：「我們走吧。」然後離開了。",
    { "他說：「我們走吧。」", "然後離開了。" } },
  { "trad-nested-corner-quotes", "她說：「他告訴我『快走！』」我就走了。",
    { "她說：「他告訴我『快走！』」", "我就走了。" } },
  { "trad-ascii-comma", "習近平強調,要堅持發展特色優勢產業。強化科技創新。",
    { "習近平強調,要堅持發展特色優勢產業。", "強化科技創新。" } },
  { "no-end-mark", "新华社北京4月23日电", { "新华社北京4月23日电" } },
  { "space-goes-before", "第一句。 第二句。", { "第一句。 ", "第二句。" } },
  { "ideographic-space-goes-before", "第一句。\u3000第二句。",
    { "第一句。\u3000", "第二句。" } },
  { "leading-indent", "\u3000\u3000第一句。第二句。",
    { "\u3000\u3000第一句。", "第二句。" } },
  { "decimal", "增长了3.5个百分点。", { "增长了3.5个百分点。" } },
  { "decimal-percent", "国内生产总值增长5.2%。消费回升。",
    { "国内生产总值增长5.2%。", "消费回升。" } },
  { "domain-name", "请访问www.gov.cn了解详情。谢谢。",
    { "请访问www.gov.cn了解详情。", "谢谢。" } },
  { "ascii-period-after-han", "他来了.我们走吧.", { "他来了.", "我们走吧." } },
  { "ascii-ellipsis", "等等...我来了。", { "等等...", "我来了。" } },
  { "ascii-quotes-closing", "他说:\"我们走吧。\"然后离开了。",
    { "他说:\"我们走吧。\"", "然后离开了。" } },
  { "ascii-quotes-opening", "会议结束。\"我们要努力\"他说。",
    { "会议结束。", "\"我们要努力\"他说。" } },
  { "end-mark-stays", "会议结束。 ■", { "会议结束。 ■" } },
  { "empty", "", { NULL } },
  { "no-punctuation", "你好", { "你好" } },
  { "marks-only", "！！！", { "！！！" } },
  { "english-question-inside", "他说:\"OK?\"然后走了。",
    { "他说:\"OK?\"", "然后走了。" } },
  { "trad-midline-ellipsis", "他想了想⋯⋯最後還是走了。",
    { "他想了想⋯⋯", "最後還是走了。" } },
  { "byline-paren", "（记者张三）今天下雨。明天晴。",
    { "（记者张三）今天下雨。", "明天晴。" } },
  { "quote-in-paren", "他问（“为什么？”）大家沉默。",
    { "他问（“为什么？”）", "大家沉默。" } },
  { "wan-yi-figures", "投资达1.2万亿元。同比增长8%。",
    { "投资达1.2万亿元。", "同比增长8%。" } },
  { "metadata-line", "发布时间:2024-04-24 09:13:41 | 来源:新华网 | 作者:",
    { "发布时间:2024-04-24 09:13:41 | 来源:新华网 | 作者:" } },
  { "trad-question-exclamation", "你們準備好了嗎？我們出發吧！",
    { "你們準備好了嗎？", "我們出發吧！" } },
  { "english-after", "会议结束。The end.", { "会议结束。", "The end." } },
  { "halfwidth-stop", "第一句｡第二句｡", { "第一句｡", "第二句｡" } },
  { "space-between-quotes", "他说：“好。” “走吧。”",
    { "他说：“好。” ", "“走吧。”" } },
  { "quoted-exclamation-only", "“快跑！”", { "“快跑！”" } },
  { "doubled-stop", "结束了。。下一句。", { "结束了。。", "下一句。" } },
  { "trad-tortoise-brackets", "〔中央社訊〕記者報導。內容如下。",
    { "〔中央社訊〕記者報導。", "內容如下。" } },
  { "trad-three-sentences", "會議指出，要加強統籌協調。要研究政策措施？要落實！",
    { "會議指出，要加強統籌協調。", "要研究政策措施？", "要落實！" } },
  { "ascii-ellipsis-in-quote", "他说：“等等……”然后停了。",
    { "他说：“等等……”", "然后停了。" } },
  { "ascii-paren-closer", "见下文(第二节。)另有说明。",
    { "见下文(第二节。)", "另有说明。" } },
  { "version-number", "版本v1.2已发布。", { "版本v1.2已发布。" } },
  { "period-after-latin-word", "他买了iPhone.我们也买了.",
    { "他买了iPhone.", "我们也买了." } },
  { "fullwidth-period", "第一句．第二句．", { "第一句．", "第二句．" } },
  { "fullwidth-decimal", "增长３．５％。下一句。", { "增长３．５％。", "下一句。" } },
  { "period-in-english-name", "他在Washington D.C.工作。", { "他在Washington D.C.工作。" } },
};

static const Case clause_cases[] = {
  { "all-marks", "经济增长；就业稳定，物价平稳、市场活跃：很好。然后",
    { "经济增长；", "就业稳定，", "物价平稳、", "市场活跃：", "很好。", "然后" } },
  { "ascii-marks-and-digits", "习近平强调,要坚持1,000人:09:13开会。",
    { "习近平强调,", "要坚持1,000人:", "09:13开会。" } },
  { "quote-after-comma", "“好，”他说，“走吧。”",
    { "“好，”", "他说，", "“走吧。”" } },
  { "trad", "要堅持統籌發展和安全；提升能源資源等重點領域安全保障能力。",
    { "要堅持統籌發展和安全；", "提升能源資源等重點領域安全保障能力。" } },
  { "empty", "", { NULL } },
};

static void
assert_pieces (const char *text,
               GArray     *spans,
               const char * const *expected)
{
  guint n_chars = (guint) g_utf8_strlen (text, -1);
  guint n_expected = g_strv_length ((char **) expected);
  guint previous_end = 0;

  for (guint k = 0; k < spans->len; k++)
    {
      const BtSpan *span = &g_array_index (spans, BtSpan, k);
      const char *start = g_utf8_offset_to_pointer (text, span->start);
      const char *end = g_utf8_offset_to_pointer (text, span->end);
      g_autofree char *piece = g_strndup (start, (gsize) (end - start));

      g_assert_cmpuint (span->start, ==, previous_end);
      g_assert_cmpuint (span->end, >, span->start);
      if (k < n_expected)
        g_assert_cmpstr (piece, ==, expected[k]);
      previous_end = span->end;
    }

  g_assert_cmpuint (spans->len, ==, n_expected);
  g_assert_cmpuint (previous_end, ==, n_chars);
}

static void
test_sentence_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GArray) spans = bt_segment_sentences (c->text, BT_LANGUAGE_ZH);

  assert_pieces (c->text, spans, c->expected);
}

static void
test_clause_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GArray) spans = bt_segment_clauses (c->text);

  assert_pieces (c->text, spans, c->expected);
}

typedef struct
{
  const char *text;
  double      share;
  BtLanguage  language;
} ShareCase;

static void
test_han_share (void)
{
  static const ShareCase cases[] = {
    { "中文", 1.0, BT_LANGUAGE_ZH },
    { "abc", 0.0, BT_LANGUAGE_EN },
    { "中a", 0.5, BT_LANGUAGE_ZH },
    { "", 0.0, BT_LANGUAGE_EN },
    { "2024-04-24 09:13", 0.0, BT_LANGUAGE_EN },
    { "習近平在重慶主持召開座談會。", 1.0, BT_LANGUAGE_ZH },
    { "新华社重庆4月23日电 Xinhua", 8.0 / 14.0, BT_LANGUAGE_ZH },
    { "Xi Jinping (习近平) spoke.", 3.0 / 17.0, BT_LANGUAGE_EN },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      double share = bt_han_share (cases[k].text, -1);

      g_assert_cmpfloat_with_epsilon (share, cases[k].share, 1e-9);
      g_assert_cmpint (bt_language_guess (cases[k].text, -1), ==, cases[k].language);
    }

  /* An explicit length stops early. */
  g_assert_cmpfloat_with_epsilon (bt_han_share ("abc中文", 3), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bt_han_share ("中文abc", 6), 1.0, 1e-9);
}

static void
test_long_paragraph (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;
  gint64 start;
  double seconds;

  for (guint k = 0; k < 100000; k++)
    g_string_append (text, "西部地区发展，进一步形成新格局。");

  start = g_get_monotonic_time ();
  spans = bt_segment_sentences (text->str, BT_LANGUAGE_ZH);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("1,600,000 Chinese characters segmented in %.3f s", seconds);

  g_assert_cmpuint (spans->len, ==, 100000);
  g_assert_cmpuint (g_array_index (spans, BtSpan, 99999).end, ==, 1600000);
  g_assert_cmpfloat (seconds, <, 2.0);
}

static void
add_cases (const char *prefix,
           const Case *cases,
           gsize       n_cases,
           GTestDataFunc func)
{
  for (gsize k = 0; k < n_cases; k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, cases[k].name);

      g_test_add_data_func (path, &cases[k], func);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_cases ("/segment/zh/sentences", sentence_cases,
             G_N_ELEMENTS (sentence_cases), test_sentence_case);
  add_cases ("/segment/zh/clauses", clause_cases,
             G_N_ELEMENTS (clause_cases), test_clause_case);
  g_test_add_func ("/segment/zh/han-share", test_han_share);
  g_test_add_func ("/segment/zh/long-paragraph", test_long_paragraph);

  return g_test_run ();
}
