/* test-aligner.c: the aligner on small handcrafted pairs with gold answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "bt-aligner.h"
#include "bt-gold-reader.h"
#include "bt-scorer.h"

typedef struct
{
  char         *cache;
  BtDictionary *dictionary;
} Fixture;

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("BITEXT_FIXTURES_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "align", name, NULL);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = fixture_path ("dict.u8");
  g_autoptr (GError) error = NULL;

  f->cache = g_dir_make_tmp ("bitext-aligner-XXXXXX", &error);
  g_assert_no_error (error);
  f->dictionary = bt_dictionary_load_full (path, f->cache, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_pointer (&f->dictionary, bt_dictionary_unref);
  remove_tree (f->cache);
  g_free (f->cache);
}

static BtReview *
load_gold (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = fixture_path (file);
  g_autoptr (GError) error = NULL;
  BtReview *gold = bt_gold_read_file (path, &error);

  g_assert_no_error (error);
  return gold;
}

/* Aligns the gold's documents and returns the suggestions as a review. */
static BtReview *
align (BtDictionary *dictionary,
       BtReview     *gold,
       BtSignal      disabled,
       BtAlignmentFlags *flags)
{
  g_autoptr (BtAligner) aligner = bt_aligner_new (dictionary);
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (GError) error = NULL;
  BtReview *review;

  bt_aligner_set_disabled (aligner, disabled);
  alignment = bt_aligner_run (aligner, bt_review_get_source (gold), bt_review_get_target (gold), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (alignment);
  if (flags != NULL)
    *flags = bt_alignment_get_flags (alignment);
  review = bt_review_new (bt_review_get_source (gold), bt_review_get_target (gold));
  bt_alignment_apply (alignment, review);
  return review;
}

static gboolean
has_link (BtReview *review,
          guint     paragraph,
          guint     sentence)
{
  const BtLink *link = bt_review_find_link (review, paragraph, sentence);

  return link != NULL && link->state != BT_STATE_REJECTED;
}

static void
assert_confidences (BtReview *review)
{
  for (guint i = 0; i < bt_review_get_n_links (review); i++)
    {
      const BtLink *l = bt_review_get_link (review, i);

      g_assert_cmpint (l->origin, ==, BT_ORIGIN_AUTO);
      g_assert_cmpint (l->state, ==, BT_STATE_SUGGESTED);
      g_assert_cmpfloat (l->confidence, >=, 0);
      g_assert_cmpfloat (l->confidence, <=, 1);
    }
  for (guint i = 0; i < bt_review_get_n_omissions (review); i++)
    {
      const BtOmission *o = bt_review_get_omission (review, i);

      g_assert_cmpfloat (o->confidence, >=, 0);
      g_assert_cmpfloat (o->confidence, <=, 1);
    }
}

static void
test_reorder (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("reorder");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);
  BtReviewScores s;

  /* The first English sentence renders the last paragraph: the links cross. */
  g_assert_true (has_link (got, 2, 0));
  g_assert_true (has_link (got, 0, 1));
  g_assert_true (has_link (got, 1, 2));
  bt_scorer_compare_reviews (gold, got, &s);
  g_assert_cmpfloat (s.links.f1, ==, 1.0);
  assert_confidences (got);
}

static void
test_two_paragraphs (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("two-paragraphs");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);
  guint n = 0;

  g_assert_true (has_link (got, 0, 0));
  g_assert_true (has_link (got, 1, 0));
  g_assert_true (has_link (got, 2, 1));
  bt_review_get_sentence_links (got, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (bt_review_get_n_omissions (got), ==, 0);
}

static void
test_dropped_paragraph (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("dropped-paragraph");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);
  BtReviewScores s;
  guint n = 1;

  bt_review_get_paragraph_links (got, 2, &n);
  g_assert_cmpuint (n, ==, 0);
  bt_scorer_compare_reviews (gold, got, &s);
  g_assert_cmpfloat (s.links.f1, ==, 1.0);
  g_assert_cmpuint (s.whole_omissions.n_predicted, ==, 1);
  g_assert_cmpfloat (s.whole_omissions.f1, ==, 1.0);
  g_assert_cmpfloat (s.char_macro_f1, ==, 1.0);
  assert_confidences (got);
}

static void
test_dropped_clause (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("dropped-clause");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);
  g_autoptr (GArray) spans = NULL;
  BtReviewScores s;

  spans = bt_review_list_paragraph_omissions (got, 0);
  g_assert_cmpuint (spans->len, ==, 1);
  bt_scorer_compare_reviews (gold, got, &s);
  g_assert_cmpfloat (s.links.f1, ==, 1.0);
  /* Not the whole paragraph, and most of the clause. */
  g_assert_cmpuint (s.whole_omissions.n_predicted, ==, 0);
  g_assert_cmpfloat (s.omitted_f1, >=, 0.8);
  g_assert_cmpfloat (s.char_macro_f1, >=, 0.85);
}

static void
test_addition (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("addition");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);
  const BtAddition *a;
  guint n = 1;

  g_assert_true (has_link (got, 0, 0));
  g_assert_true (has_link (got, 1, 2));
  bt_review_get_sentence_links (got, 1, &n);
  g_assert_cmpuint (n, ==, 0);
  a = bt_review_find_addition (got, 1);
  g_assert_nonnull (a);
  g_assert_cmpint (a->origin, ==, BT_ORIGIN_AUTO);
  g_assert_cmpuint (bt_review_get_n_additions (got), ==, 1);
}

/* Without the dictionary the figures and the order still carry it, and
 * the result says it was made without one. */
static void
test_no_dictionary (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("dropped-paragraph");
  BtAlignmentFlags flags = 0;
  g_autoptr (BtReview) got = align (NULL, gold, 0, &flags);
  g_autoptr (BtReview) ablated = NULL;
  BtReviewScores s;

  g_assert_true (flags & BT_ALIGNMENT_NO_DICTIONARY);
  bt_scorer_compare_reviews (gold, got, &s);
  g_assert_cmpfloat (s.links.recall, >=, 2.0 / 3);

  ablated = align (f->dictionary, gold, BT_SIGNAL_DICTIONARY, &flags);
  g_assert_true (flags & BT_ALIGNMENT_NO_DICTIONARY);
  g_clear_object (&got);
  got = align (f->dictionary, gold, 0, &flags);
  g_assert_false (flags & BT_ALIGNMENT_NO_DICTIONARY);
}

static void
test_apply_undo (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("dropped-paragraph");
  g_autoptr (BtReview) got = align (f->dictionary, gold, 0, NULL);

  g_assert_cmpuint (bt_review_get_n_links (got), >, 0);
  g_assert_true (bt_review_can_undo (got));
  g_assert_true (bt_review_undo (got));
  g_assert_false (bt_review_can_undo (got));
  g_assert_cmpuint (bt_review_get_n_links (got), ==, 0);
  g_assert_cmpuint (bt_review_get_n_omissions (got), ==, 0);
  g_assert_true (bt_review_redo (got));
  g_assert_cmpuint (bt_review_get_n_links (got), >, 0);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (BtReview) gold = load_gold ("reorder");
  g_autoptr (BtAligner) aligner = bt_aligner_new (f->dictionary);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  BtAlignment *alignment;

  g_cancellable_cancel (cancellable);
  alignment = bt_aligner_run (aligner, bt_review_get_source (gold), bt_review_get_target (gold), cancellable,
                              &error);
  g_assert_null (alignment);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static BtDocument *
lines (BtLanguage          language,
       const char * const *texts)
{
  BtDocument *doc = bt_document_new (language);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      BtSpan span = { 0, g_utf8_strlen (texts[i], -1) };

      g_assert_true (bt_document_append_segmented (doc, texts[i], i + 1, &span, 1, NULL));
    }
  return doc;
}

/* The links of @zh and @en aligned line by line. */
static BtReview *
align_lines (Fixture           *f,
             const char *const *zh,
             const char *const *en)
{
  g_autoptr (BtDocument) source = lines (BT_LANGUAGE_ZH, zh);
  g_autoptr (BtDocument) target = lines (BT_LANGUAGE_EN, en);
  g_autoptr (BtAligner) aligner = bt_aligner_new (f->dictionary);
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (GError) error = NULL;
  BtReview *got;

  bt_aligner_set_units (aligner, BT_ALIGN_UNITS_LINES);
  g_assert_cmpint (bt_aligner_get_units (aligner), ==, BT_ALIGN_UNITS_LINES);
  alignment = bt_aligner_run (aligner, source, target, NULL, &error);
  g_assert_no_error (error);
  got = bt_review_new (source, target);
  bt_alignment_apply (alignment, got);
  return got;
}

/* Lines: a full translation in order, with one source line rendered by
 * two target lines and two source lines by one. */
static void
test_lines (Fixture      *f,
            gconstpointer data)
{
  const char *const zh[] = { "市政府今天宣布修建新机场。", "新机场将有三条跑道。", "市长说，", "项目预计耗资五十亿元。",
                             "会议讨论了教育改革。", NULL };
  const char *const en[] = { "The city government announced today that it will build a new airport.",
                             "The airport will have three runways.",
                             "The mayor said the project would cost 5 billion yuan.",
                             "The meeting discussed reform.", "It was about education.", NULL };
  g_autoptr (BtReview) got = align_lines (f, zh, en);

  g_assert_true (has_link (got, 0, 0));
  g_assert_true (has_link (got, 1, 1));
  g_assert_true (has_link (got, 2, 2));
  g_assert_true (has_link (got, 3, 2));
  g_assert_true (has_link (got, 4, 3));
  g_assert_true (has_link (got, 4, 4));
  g_assert_cmpuint (bt_review_get_n_links (got), ==, 6);
}

/* Lines: two pairs in a row that share their words, the second English
 * line with a word ("west") of the first Chinese line. Each line still
 * renders its own, not the two together. */
static void
test_lines_shared_words (Fixture      *f,
                         gconstpointer data)
{
  const char *const zh[] = { "兰州今年发展物流。", "交通部长说，西部铁路网投资增长了。", "铁路建设投资增长。",
                             "专家评估了生态。", NULL };
  const char *const en[] = { "Lanzhou develops logistics this year.",
                             "The minister said railway investment grows.",
                             "Investment in railway construction in the west grows.",
                             "Experts assessed the ecology.", NULL };
  g_autoptr (BtReview) got = align_lines (f, zh, en);

  for (guint i = 0; i < 4; i++)
    g_assert_true (has_link (got, i, i));
  g_assert_cmpuint (bt_review_get_n_links (got), ==, 4);
}

/* Nothing to go on but order and length: texts of equal lines align
 * line by line, leaving nothing out. */
static void
test_no_evidence (Fixture      *f,
                  gconstpointer data)
{
  const char *zh[21], *en[21];
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autoptr (BtAligner) aligner = bt_aligner_new (f->dictionary);
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (BtReview) got = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      zh[i] = "字。";
      en[i] = "A.";
    }
  zh[20] = en[20] = NULL;
  source = lines (BT_LANGUAGE_ZH, zh);
  target = lines (BT_LANGUAGE_EN, en);
  alignment = bt_aligner_run (aligner, source, target, NULL, &error);
  g_assert_no_error (error);
  got = bt_review_new (source, target);
  bt_alignment_apply (alignment, got);
  for (guint i = 0; i < 20; i++)
    g_assert_true (has_link (got, i, i));
  g_assert_cmpuint (bt_review_get_n_links (got), ==, 20);
  g_assert_cmpuint (bt_review_get_n_omissions (got), ==, 0);
}

static void
test_signal_names (void)
{
  for (guint i = 0; i < BT_N_SIGNALS; i++)
    {
      BtSignal s = 0;

      g_assert_true (bt_signal_from_string (bt_signal_to_string (1u << i), &s));
      g_assert_cmpuint (s, ==, 1u << i);
    }
  g_assert_cmpstr (bt_signal_to_string (BT_SIGNAL_NUMBERS), ==, "numbers");
  g_assert_false (bt_signal_from_string ("colour", &(BtSignal) { 0 }));
}

static void
test_empty (void)
{
  g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr (BtAligner) aligner = bt_aligner_new (NULL);
  g_autoptr (BtAlignment) alignment = NULL;
  guint n = 1;

  bt_document_append_paragraph (target, "Nothing renders this.", 1);
  alignment = bt_aligner_run (aligner, source, target, NULL, NULL);
  g_assert_nonnull (alignment);
  bt_alignment_get_links (alignment, &n);
  g_assert_cmpuint (n, ==, 0);
  bt_alignment_get_additions (alignment, &n);
  g_assert_cmpuint (n, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/aligner/reorder", test_reorder);
  ADD ("/aligner/two-paragraphs", test_two_paragraphs);
  ADD ("/aligner/dropped-paragraph", test_dropped_paragraph);
  ADD ("/aligner/dropped-clause", test_dropped_clause);
  ADD ("/aligner/addition", test_addition);
  ADD ("/aligner/no-dictionary", test_no_dictionary);
  ADD ("/aligner/apply-undo", test_apply_undo);
  ADD ("/aligner/cancel", test_cancel);
  ADD ("/aligner/lines", test_lines);
  ADD ("/aligner/lines-shared-words", test_lines_shared_words);
  ADD ("/aligner/no-evidence", test_no_evidence);
#undef ADD
  g_test_add_func ("/aligner/signal-names", test_signal_names);
  g_test_add_func ("/aligner/empty", test_empty);
  return g_test_run ();
}
