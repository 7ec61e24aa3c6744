/* test-scorer.c: the evaluation measures on cases with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>

#include "bt-scorer.h"

#define EPS 1e-9

/* Three source paragraphs of ten characters, four target sentences. */
static BtReview *
make_review (void)
{
  g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  const char *en[] = { "One.", "Two.", "Three.", "Four." };

  bt_document_append_paragraph (source, "一二三四五六七八九十", 1);
  bt_document_append_paragraph (source, "甲乙丙丁戊己庚辛壬癸", 2);
  bt_document_append_paragraph (source, "子丑寅卯辰巳午未申酉", 3);
  for (guint i = 0; i < G_N_ELEMENTS (en); i++)
    bt_document_append_paragraph (target, en[i], i + 1);
  return bt_review_new (source, target);
}

static void
add_links (BtReview    *review,
           const guint *pairs,
           guint        n)
{
  for (guint i = 0; i < n; i++)
    g_assert_true (bt_review_add_link (review, pairs[2 * i], pairs[2 * i + 1], BT_ORIGIN_AUTO, 0.5,
                                       BT_STATE_SUGGESTED));
}

static void
add_omission (BtReview *review,
              guint     paragraph,
              guint     start,
              guint     end)
{
  g_assert_cmpuint (bt_review_add_omission (review, paragraph, start, end, BT_CATEGORY_OTHER,
                                            BT_SEVERITY_MINOR, "", BT_ORIGIN_AUTO, 0.5,
                                            BT_STATE_SUGGESTED), >, 0);
}

static void
test_links (void)
{
  g_autoptr (BtReview) gold = make_review ();
  g_autoptr (BtReview) predicted = make_review ();
  const guint g[] = { 0, 0, 1, 1, 2, 2 };
  const guint p[] = { 0, 0, 1, 1, 1, 2, 2, 2 };
  BtReviewScores s;

  add_links (gold, g, 3);
  add_links (predicted, p, 4);
  g_assert_true (bt_review_set_link_state (predicted, 2, 2, BT_STATE_REJECTED));
  bt_scorer_compare_reviews (gold, predicted, &s);
  g_assert_cmpuint (s.links.n_predicted, ==, 3);
  g_assert_cmpuint (s.links.n_gold, ==, 3);
  g_assert_cmpuint (s.links.n_correct, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.links.precision, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (s.links.recall, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (s.links.f1, 2.0 / 3, EPS);
}

static void
test_omissions (void)
{
  g_autoptr (BtReview) gold = make_review ();
  g_autoptr (BtReview) predicted = make_review ();
  BtReviewScores s;

  add_omission (gold, 0, 0, 10);
  add_omission (gold, 1, 0, 5);
  add_omission (predicted, 0, 0, 10);
  add_omission (predicted, 1, 0, 3);
  add_omission (predicted, 2, 0, 4);
  add_omission (predicted, 2, 4, 10);
  bt_scorer_compare_reviews (gold, predicted, &s);

  /* Two spans that together cover a paragraph omit it whole. */
  g_assert_cmpuint (s.whole_omissions.n_gold, ==, 1);
  g_assert_cmpuint (s.whole_omissions.n_predicted, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.whole_omissions.precision, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.whole_omissions.recall, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.whole_omissions.f1, 2.0 / 3, EPS);
  /* Omitted: gold 15, predicted 23, both 13. Rendered: gold 15,
   * predicted 7, both 5. */
  g_assert_cmpfloat_with_epsilon (s.omitted_f1, 26.0 / 38, EPS);
  g_assert_cmpfloat_with_epsilon (s.rendered_f1, 10.0 / 22, EPS);
  g_assert_cmpfloat_with_epsilon (s.char_macro_f1, (26.0 / 38 + 10.0 / 22) / 2, EPS);
}

static void
test_degenerate (void)
{
  g_autoptr (BtReview) gold = make_review ();
  g_autoptr (BtReview) nothing = make_review ();
  g_autoptr (BtReview) everything = make_review ();
  BtReviewScores s;

  add_omission (gold, 0, 0, 10);
  add_omission (gold, 1, 0, 5);
  for (guint p = 0; p < 3; p++)
    add_omission (everything, p, 0, 10);

  bt_scorer_compare_reviews (gold, nothing, &s);
  g_assert_cmpfloat_with_epsilon (s.omitted_f1, 0, EPS);
  g_assert_cmpfloat_with_epsilon (s.rendered_f1, 30.0 / 45, EPS);
  g_assert_cmpfloat_with_epsilon (s.char_macro_f1, 1.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (s.links.f1, 1.0, EPS);

  bt_scorer_compare_reviews (gold, everything, &s);
  g_assert_cmpfloat_with_epsilon (s.omitted_f1, 30.0 / 45, EPS);
  g_assert_cmpfloat_with_epsilon (s.rendered_f1, 0, EPS);
  g_assert_cmpfloat_with_epsilon (s.whole_omissions.precision, 1.0 / 3, EPS);

  bt_scorer_compare_reviews (gold, gold, &s);
  g_assert_cmpfloat_with_epsilon (s.char_macro_f1, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.whole_omissions.f1, 1.0, EPS);
}

static BtAlignGroup *
group (const char *src,
       const char *tgt)
{
  g_auto (GStrv) a = g_strsplit (src, ",", -1);
  g_auto (GStrv) b = g_strsplit (tgt, ",", -1);
  guint s[8], t[8], ns = 0, nt = 0;

  for (guint i = 0; a[i] != NULL; i++)
    if (*a[i] != '\0')
      s[ns++] = atoi (a[i]);
  for (guint i = 0; b[i] != NULL; i++)
    if (*b[i] != '\0')
      t[nt++] = atoi (b[i]);
  return bt_align_group_new (s, ns, t, nt);
}

static void
test_groups (void)
{
  g_autoptr (GPtrArray) gold = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);
  g_autoptr (GPtrArray) predicted = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);
  BtScore strict, lax;

  g_ptr_array_add (gold, group ("0", "0"));
  g_ptr_array_add (gold, group ("2,1", "1"));
  g_ptr_array_add (gold, group ("3", "2,3"));
  g_ptr_array_add (predicted, group ("0", "0"));
  g_ptr_array_add (predicted, group ("1", "1"));
  g_ptr_array_add (predicted, group ("2", ""));
  g_ptr_array_add (predicted, group ("3", "3,2"));
  bt_scorer_compare_groups (gold, predicted, &strict, &lax);

  /* The deletion counts against precision only. */
  g_assert_cmpuint (strict.n_predicted, ==, 4);
  g_assert_cmpuint (strict.n_gold, ==, 3);
  g_assert_cmpfloat_with_epsilon (strict.precision, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (strict.recall, 2.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (lax.precision, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (lax.recall, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (strict.f1, 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), EPS);
}

static void
test_groups_from_review (void)
{
  g_autoptr (BtReview) review = make_review ();
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);
  const guint links[] = { 0, 0, 0, 1, 1, 1, 2, 3 };
  BtScore strict, lax;

  add_links (review, links, 4);
  groups = bt_scorer_groups_from_review (review);
  /* {0, 1} - {0, 1}, {2} - {3}, and the lone sentence 2. */
  g_assert_cmpuint (groups->len, ==, 3);
  g_ptr_array_add (expected, group ("0,1", "0,1"));
  g_ptr_array_add (expected, group ("2", "3"));
  g_ptr_array_add (expected, group ("", "2"));
  bt_scorer_compare_groups (expected, groups, &strict, &lax);
  g_assert_cmpfloat_with_epsilon (strict.precision, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (strict.recall, 1.0, EPS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorer/links", test_links);
  g_test_add_func ("/scorer/omissions", test_omissions);
  g_test_add_func ("/scorer/degenerate", test_degenerate);
  g_test_add_func ("/scorer/groups", test_groups);
  g_test_add_func ("/scorer/groups-from-review", test_groups_from_review);
  return g_test_run ();
}
