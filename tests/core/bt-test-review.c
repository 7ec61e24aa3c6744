/* bt-test-review.c: reviews for the file tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-review-private.h"
#include "bt-test-review.h"

static const char *const pieces[] = {
  "中", "国", "经", "济", "增", "长", "。", "，", "“", "”", "𠀋", "𡈽", "😀", "👩‍💻",
  "e\xCC\x81", "\xE2\x80\x8F", "\xE2\x80\xAE", "\xE2\x80\x8E", "&", "<", ">", "\"", "'",
  "]]>", " ", "a", "Z", "9", "\t", "\xEF\xBB\xBF", "\xE3\x80\x80",
};

static char *
random_text (GRand *rand,
             guint  min,
             guint  max)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

/* Sentences tile the paragraph. */
static void
append_random_paragraph (GRand      *rand,
                         BtDocument *document)
{
  g_autofree char *text = random_text (rand, 1, 24);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  guint n_chars = g_utf8_strlen (text, -1);
  guint position = 0;

  while (position < n_chars)
    {
      BtSpan span;

      span.start = position;
      span.end = g_rand_int_range (rand, span.start + 1, n_chars + 1);
      g_array_append_val (spans, span);
      position = span.end;
    }
  g_assert_true (bt_document_append_segmented (document, text, 0, (BtSpan *) spans->data,
                                               spans->len, NULL));
}

static BtState
random_state (GRand *rand)
{
  return (BtState) g_rand_int_range (rand, 0, 3);
}

static double
random_confidence (GRand *rand)
{
  static const double some[] = { 0, 1, 0.5, 0.91, 0.1 + 0.2, 1.0 / 3.0 };

  return g_rand_boolean (rand) ? some[g_rand_int_range (rand, 0, G_N_ELEMENTS (some))]
                               : g_rand_double (rand);
}

static void
add_random_annotations (GRand    *rand,
                        BtReview *review)
{
  BtDocument *source = bt_review_get_source (review);
  guint n_p = bt_document_get_n_paragraphs (source);
  guint n_s = bt_document_get_n_sentences (bt_review_get_target (review));

  for (guint i = g_rand_int_range (rand, 0, 3 * n_p + 2); i > 0 && n_s > 0; i--)
    bt_review_add_link (review, g_rand_int_range (rand, 0, n_p), g_rand_int_range (rand, 0, n_s),
                        g_rand_int_range (rand, 0, 2), random_confidence (rand), random_state (rand));
  for (guint i = g_rand_int_range (rand, 0, 2 * n_p + 1); i > 0; i--)
    {
      guint p = g_rand_int_range (rand, 0, n_p);
      guint n_chars = bt_document_get_paragraph (source, p)->n_chars;
      guint start = g_rand_int_range (rand, 0, n_chars);
      g_autofree char *comment = g_rand_boolean (rand) ? random_text (rand, 0, 8) : g_strdup ("");

      bt_review_add_omission (review, p, start, g_rand_int_range (rand, start + 1, n_chars + 1),
                              g_rand_int_range (rand, 0, BT_N_CATEGORIES),
                              g_rand_int_range (rand, 0, BT_N_SEVERITIES), comment,
                              g_rand_int_range (rand, 0, 2), random_confidence (rand),
                              random_state (rand));
    }
  for (guint i = g_rand_int_range (rand, 0, 3); i > 0 && n_s > 0; i--)
    bt_review_add_addition (review, g_rand_int_range (rand, 0, n_s), g_rand_int_range (rand, 0, 2),
                            random_confidence (rand), random_state (rand));
  for (guint p = 0; p < n_p; p++)
    {
      g_autofree char *note = g_rand_int_range (rand, 0, 4) == 0 ? random_text (rand, 1, 6) : NULL;

      bt_review_set_status (review, p, g_rand_int_range (rand, 0, 3));
      if (note != NULL)
        bt_review_set_note (review, p, note);
    }
}

BtReview *
bt_test_review_new_random (GRand *rand,
                           guint  max_paragraphs)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  BtReview *review;

  for (guint i = g_rand_int_range (rand, 1, max_paragraphs + 1); i > 0; i--)
    append_random_paragraph (rand, source);
  for (guint i = g_rand_int_range (rand, 0, max_paragraphs + 1); i > 0; i--)
    append_random_paragraph (rand, target);
  if (g_rand_boolean (rand))
    bt_document_set_name (source, "源 & <source>.txt");
  review = bt_review_new (source, target);
  if (g_rand_boolean (rand))
    bt_review_set_reviewer (review, g_rand_boolean (rand) ? "Ana \"QA\" <ana@example.org>" : "李明");
  _bt_review_set_clock (review, g_rand_int_range (rand, 1, G_MAXINT32));
  bt_review_set_threshold (review, g_rand_double_range (rand, 0, 20));
  add_random_annotations (rand, review);
  return review;
}

BtReview *
bt_test_review_new_large (guint n_paragraphs)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  const char *zh = "国务院总理今天在北京会见了来访的代表团，双方就经济合作交换了意见。会谈气氛友好。";
  const char *en = "The premier met the visiting delegation in Beijing today. Both sides discussed economic cooperation.";
  BtSpan zh_spans[] = { { 0, 33 }, { 33, 40 } };
  BtSpan en_spans[] = { { 0, 58 }, { 58, 100 } };
  BtReview *review;

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_assert_true (bt_document_append_segmented (source, zh, 0, zh_spans, 2, NULL));
      g_assert_true (bt_document_append_segmented (target, en, 0, en_spans, 2, NULL));
    }
  review = bt_review_new (source, target);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      guint s = 2 * i;

      bt_review_add_link (review, i, s, BT_ORIGIN_AUTO, 0.9, BT_STATE_SUGGESTED);
      bt_review_add_link (review, i, s + 1, BT_ORIGIN_AUTO, 0.8, BT_STATE_ACCEPTED);
      bt_review_add_link (review, i, (s + 5) % (2 * n_paragraphs), BT_ORIGIN_REVIEWER, 1, BT_STATE_REJECTED);
      if (i % 2 == 0)
        bt_review_add_omission (review, i, 12, 33, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR,
                                "place & time", BT_ORIGIN_AUTO, 0.7, BT_STATE_SUGGESTED);
    }
  return review;
}

BtReview *
bt_test_review_new_golden (void)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  BtSpan p1[] = { { 0, 12 }, { 12, 20 } };
  BtSpan p2[] = { { 0, 14 } };
  BtSpan t1[] = { { 0, 26 }, { 26, 47 } };
  BtReview *review;
  guint id;

  g_assert_true (bt_document_append_segmented (source, "李明说：“经济增长了。”会议在北京举行。", 0, p1, 2, NULL));
  g_assert_true (bt_document_append_segmented (source, "他强调了改革的重要性和必要性", 0, p2, 1, NULL));
  g_assert_true (bt_document_append_segmented (target, "Li said the economy grew. He stressed <reform>.", 0, t1, 2, NULL));
  bt_document_set_name (source, "news-zh.txt");
  bt_document_set_name (target, "news-en.txt");
  review = bt_review_new (source, target);
  bt_review_set_reviewer (review, "Ana");
  _bt_review_set_clock (review, 1795000000);
  bt_review_set_threshold (review, 5);
  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.91, BT_STATE_ACCEPTED);
  bt_review_add_link (review, 1, 1, BT_ORIGIN_AUTO, 0.6, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 0, 1, BT_ORIGIN_REVIEWER, 1, BT_STATE_REJECTED);
  bt_review_add_omission (review, 0, 12, 20, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR,
                          "Place dropped: \"北京\" & <venue>", BT_ORIGIN_AUTO, 0.8, BT_STATE_ACCEPTED);
  bt_review_add_omission (review, 0, 15, 17, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR,
                          "", BT_ORIGIN_REVIEWER, 1, BT_STATE_SUGGESTED);
  id = bt_review_add_omission (review, 0, 5, 13, BT_CATEGORY_ATTRIBUTION, BT_SEVERITY_CRITICAL,
                               "crosses the place", BT_ORIGIN_REVIEWER, 1, BT_STATE_REJECTED);
  g_assert_cmpuint (id, >, 0);
  bt_review_add_omission (review, 1, 5, 14, BT_CATEGORY_CONDENSATION, BT_SEVERITY_NEUTRAL,
                          "", BT_ORIGIN_AUTO, 0.55, BT_STATE_SUGGESTED);
  bt_review_set_status (review, 0, BT_STATUS_REVIEWED);
  bt_review_set_status (review, 1, BT_STATUS_NEEDS_ATTENTION);
  bt_review_set_note (review, 1, "Check the emphasis ]]> later");
  return review;
}

gboolean
bt_test_have_schemas (void)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *dir = shared != NULL ? g_build_filename (shared, "xliff", NULL) : NULL;

  return dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR)
         && g_file_test ("/usr/bin/xmllint", G_FILE_TEST_IS_EXECUTABLE);
}

void
bt_test_validate (const char *path,
                  const char *schema)
{
  g_autofree char *xsd = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!bt_test_have_schemas ())
    {
      g_test_skip ("BITEXT_SHARED_DIR/xliff or xmllint is missing: XLIFF schema validation skipped");
      return;
    }
  xsd = g_build_filename (g_getenv ("BITEXT_SHARED_DIR"), "xliff", schema, NULL);
  {
    const char *argv[] = { "/usr/bin/xmllint", "--nonet", "--noout", "--schema", xsd, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, &err, &status, NULL));
  }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s", path, schema, err);
}

BtReview *
bt_test_review_new_window (guint n_paragraphs)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  BtReview *review;

  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_autofree char *zh = g_strdup_printf ("第%u段：西部地区铁路建设今年计划投资%u亿元，"
                                             "新开工项目%u个。专家认为，建设成本高。", p + 1,
                                             300 + p % 97, 10 + p % 13);
      g_autofree char *en = g_strdup_printf ("Paragraph %u plans %u billion yuan for railways. "
                                             "Experts say costs are high.", p + 1, 300 + p % 97);

      bt_document_append_paragraph (source, zh, p + 1);
      bt_document_append_paragraph (target, en, p + 1);
    }
  review = bt_review_new (source, target);
  for (guint p = 0; p < n_paragraphs; p++)
    {
      bt_review_add_link (review, p, 2 * p, BT_ORIGIN_AUTO, 0.9, BT_STATE_SUGGESTED);
      bt_review_add_link (review, p, 2 * p + 1, BT_ORIGIN_AUTO, 0.6, BT_STATE_SUGGESTED);
      if (p > 0)
        bt_review_add_link (review, p, 2 * p - 1, BT_ORIGIN_AUTO, 0.3, BT_STATE_SUGGESTED);
      if (p % 2 == 0)
        bt_review_add_omission (review, p, 20, 30, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR, "",
                                BT_ORIGIN_AUTO, 0.7, BT_STATE_SUGGESTED);
    }
  return review;
}
