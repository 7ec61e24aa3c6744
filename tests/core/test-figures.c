/* test-figures.c: coverage shares, omission counts and the score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-document.h"
#include "bt-review-private.h"

/* A source whose paragraphs have the given numbers of code points, and a
 * target of four one-sentence paragraphs. */
static BtReview *
make_review (const guint *lengths,
             guint        n_paragraphs)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      BtSpan span = { 0, lengths[p] };

      for (guint i = 0; i < lengths[p]; i++)
        g_string_append (text, i % 7 == 6 ? "。" : "中");
      g_assert_true (bt_document_append_segmented (source, text->str, p + 1, &span, 1, &error));
      g_assert_no_error (error);
    }
  for (guint s = 0; s < 4; s++)
    bt_document_append_segmented (target, "One line.", s + 1, &(BtSpan) { 0, 9 }, 1, NULL);
  return bt_review_new (source, target);
}

static guint
omit (BtReview   *review,
      guint       paragraph,
      guint       start,
      guint       end,
      BtCategory  category,
      BtSeverity  severity,
      BtState     state)
{
  guint id = bt_review_add_omission (review, paragraph, start, end, category, severity, NULL,
                                     BT_ORIGIN_REVIEWER, 1, state);
  g_assert_cmpuint (id, !=, 0);
  return id;
}

static void
setup_nothing (BtReview *review)
{
}

static void
setup_one_link (BtReview *review)
{
  bt_review_add_link (review, 0, 1, BT_ORIGIN_AUTO, 0.8, BT_STATE_SUGGESTED);
}

static void
setup_mixed (BtReview *review)
{
  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.8, BT_STATE_ACCEPTED);
  bt_review_add_link (review, 0, 2, BT_ORIGIN_AUTO, 0.8, BT_STATE_ACCEPTED);
  omit (review, 0, 0, 100, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR, BT_STATE_ACCEPTED);
  omit (review, 1, 0, 500, BT_CATEGORY_CONDENSATION, BT_SEVERITY_CRITICAL, BT_STATE_SUGGESTED);
}

static void
setup_rejected (BtReview *review)
{
  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.8, BT_STATE_REJECTED);
  omit (review, 0, 0, 500, BT_CATEGORY_OTHER, BT_SEVERITY_CRITICAL, BT_STATE_REJECTED);
  bt_review_add_addition (review, 3, BT_ORIGIN_AUTO, 0.5, BT_STATE_REJECTED);
}

static void
setup_overlap (BtReview *review)
{
  bt_review_add_link (review, 1, 3, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  omit (review, 0, 0, 300, BT_CATEGORY_ATTRIBUTION, BT_SEVERITY_MINOR, BT_STATE_ACCEPTED);
  omit (review, 0, 200, 400, BT_CATEGORY_SUBSTANTIVE, BT_SEVERITY_MINOR, BT_STATE_SUGGESTED);
  omit (review, 1, 490, 500, BT_CATEGORY_DETAIL, BT_SEVERITY_NEUTRAL, BT_STATE_ACCEPTED);
}

static void
setup_statuses (BtReview *review)
{
  bt_review_set_status (review, 0, BT_STATUS_REVIEWED);
  bt_review_set_status (review, 1, BT_STATUS_NEEDS_ATTENTION);
  bt_review_add_addition (review, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_addition (review, 1, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  bt_review_add_addition (review, 2, BT_ORIGIN_AUTO, 0.5, BT_STATE_REJECTED);
}

static void
setup_at_threshold (BtReview *review)
{
  omit (review, 0, 0, 10, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR, BT_STATE_ACCEPTED);
}

static void
setup_over_threshold (BtReview *review)
{
  setup_at_threshold (review);
  omit (review, 1, 0, 1, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR, BT_STATE_SUGGESTED);
}

static void
setup_low_threshold (BtReview *review)
{
  setup_overlap (review);
  bt_review_set_threshold (review, 1.5);
}

typedef struct
{
  const char *name;
  void      (*setup) (BtReview *review);
  guint       n_rendered;
  guint       n_omitted;
  guint       n_undecided;
  guint       n_links;
  guint       n_omissions;
  guint       n_additions;
  guint       n_suggestions;
  guint       n_reviewed;
  guint       n_needs_attention;
  guint       by_category[BT_N_CATEGORIES];
  guint       by_severity[BT_N_SEVERITIES];
  double      score;
  gboolean    pass;
} FiguresCase;

/* Two paragraphs of 500 code points: 1,000 in all. */
static const FiguresCase cases[] = {
  { "nothing decided", setup_nothing, 0, 0, 1000, 0, 0, 0, 0, 0, 0, { 0 }, { 0 }, 0, TRUE },
  { "one suggested link", setup_one_link, 500, 0, 500, 1, 0, 0, 1, 0, 0, { 0 }, { 0 }, 0, TRUE },
  { "links and omissions", setup_mixed, 400, 600, 0, 2, 2, 0, 1, 0, 0, { 1, 0, 1, 0, 0 },
    { 0, 0, 1, 1 }, 15.0, FALSE },
  { "rejected items count for nothing", setup_rejected, 0, 0, 1000, 0, 0, 0, 0, 0, 0, { 0 },
    { 0 }, 0, TRUE },
  { "overlapping omissions", setup_overlap, 490, 410, 100, 1, 3, 0, 1, 0, 0, { 0, 1, 1, 1, 0 },
    { 1, 2, 0, 0 }, 2.0, TRUE },
  { "statuses and additions", setup_statuses, 0, 0, 1000, 0, 0, 2, 1, 1, 1, { 0 }, { 0 }, 0,
    TRUE },
  { "score equal to the threshold", setup_at_threshold, 0, 10, 990, 0, 1, 0, 0, 0, 0,
    { 0, 0, 1, 0, 0 }, { 0, 0, 1, 0 }, 5.0, TRUE },
  { "score over the threshold", setup_over_threshold, 0, 11, 989, 0, 2, 0, 1, 0, 0,
    { 0, 0, 2, 0, 0 }, { 0, 1, 1, 0 }, 6.0, FALSE },
  { "a lower threshold", setup_low_threshold, 490, 410, 100, 1, 3, 0, 1, 0, 0,
    { 0, 1, 1, 1, 0 }, { 1, 2, 0, 0 }, 2.0, FALSE },
};

static void
test_cases (void)
{
  static const guint lengths[] = { 500, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FiguresCase *c = &cases[i];
      g_autoptr(BtReview) review = make_review (lengths, G_N_ELEMENTS (lengths));
      BtFigures figures;

      g_test_message ("%s", c->name);
      c->setup (review);
      bt_review_get_figures (review, &figures);
      g_assert_cmpuint (figures.n_paragraphs, ==, 2);
      g_assert_cmpuint (figures.n_chars, ==, 1000);
      g_assert_cmpuint (figures.n_rendered, ==, c->n_rendered);
      g_assert_cmpuint (figures.n_omitted, ==, c->n_omitted);
      g_assert_cmpuint (figures.n_undecided, ==, c->n_undecided);
      g_assert_cmpuint (figures.n_links, ==, c->n_links);
      g_assert_cmpuint (figures.n_omissions, ==, c->n_omissions);
      g_assert_cmpuint (figures.n_additions, ==, c->n_additions);
      g_assert_cmpuint (figures.n_suggestions, ==, c->n_suggestions);
      g_assert_cmpuint (figures.n_reviewed, ==, c->n_reviewed);
      g_assert_cmpuint (figures.n_needs_attention, ==, c->n_needs_attention);
      for (guint k = 0; k < BT_N_CATEGORIES; k++)
        g_assert_cmpuint (figures.omissions_by_category[k], ==, c->by_category[k]);
      for (guint k = 0; k < BT_N_SEVERITIES; k++)
        g_assert_cmpuint (figures.omissions_by_severity[k], ==, c->by_severity[k]);
      g_assert_cmpfloat_with_epsilon (figures.score, c->score, 1e-9);
      g_assert_cmpfloat (figures.threshold, ==, bt_review_get_threshold (review));
      g_assert_cmpint (figures.pass, ==, c->pass);
    }
}

/* The score is per 1,000 source code points, whatever the length. */
static void
test_score_scales (void)
{
  static const guint lengths[] = { 1000, 1500, 1500 };
  g_autoptr(BtReview) review = make_review (lengths, G_N_ELEMENTS (lengths));
  BtFigures figures;

  omit (review, 2, 0, 1500, BT_CATEGORY_SUBSTANTIVE, BT_SEVERITY_CRITICAL, BT_STATE_ACCEPTED);
  omit (review, 1, 7, 8, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR, BT_STATE_SUGGESTED);
  bt_review_get_figures (review, &figures);
  g_assert_cmpuint (figures.n_chars, ==, 4000);
  g_assert_cmpuint (figures.n_omitted, ==, 1501);
  g_assert_cmpfloat_with_epsilon (figures.score, 15.0 / 4.0, 1e-9);
  g_assert_true (figures.pass);
}

/* Figures follow edits and their undo. */
static void
test_follow_edits (void)
{
  static const guint lengths[] = { 300, 700 };
  g_autoptr(BtReview) review = make_review (lengths, G_N_ELEMENTS (lengths));
  BtFigures figures;
  guint id;

  id = omit (review, 1, 0, 700, BT_CATEGORY_DETAIL, BT_SEVERITY_CRITICAL, BT_STATE_SUGGESTED);
  bt_review_get_figures (review, &figures);
  g_assert_cmpuint (figures.n_omitted, ==, 700);
  g_assert_false (figures.pass);

  g_assert_true (bt_review_set_omission_state (review, id, BT_STATE_REJECTED));
  bt_review_get_figures (review, &figures);
  g_assert_cmpuint (figures.n_omitted, ==, 0);
  g_assert_cmpuint (figures.n_undecided, ==, 1000);
  g_assert_true (figures.pass);

  g_assert_true (bt_review_undo (review));
  bt_review_get_figures (review, &figures);
  g_assert_cmpuint (figures.n_omitted, ==, 700);
  g_assert_cmpfloat_with_epsilon (figures.score, 10.0, 1e-9);

  g_assert_true (bt_review_merge_paragraphs (review, 0));
  bt_review_get_figures (review, &figures);
  g_assert_cmpuint (figures.n_paragraphs, ==, 1);
  g_assert_cmpuint (figures.n_omitted, ==, 700);
  g_assert_cmpuint (figures.n_undecided, ==, 300);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/cases", test_cases);
  g_test_add_func ("/figures/score-scales", test_score_scales);
  g_test_add_func ("/figures/follow-edits", test_follow_edits);

  return g_test_run ();
}
