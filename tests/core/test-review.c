/* test-review.c: the review model, its queries, indices and copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-document.h"
#include "bt-review-private.h"

#define CLOCK 1700000000

/* A source of @n_paragraphs paragraphs of @n_sentences Chinese sentences
 * of six code points each, or an English target of sentences of eight. */
static BtDocument *
make_document (BtLanguage language,
               guint      n_paragraphs,
               guint      n_sentences)
{
  BtDocument *document = bt_document_new (language);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < n_sentences; k++)
        {
          BtSpan span = { g_utf8_strlen (text->str, -1), 0 };
          if (language == BT_LANGUAGE_ZH)
            g_string_append (text, "甲乙丙丁戊。");
          else
            g_string_append_printf (text, "Word %c%c.%s", 'a' + p % 26, 'a' + k % 26,
                                    k + 1 < n_sentences ? " " : "");
          span.end = g_utf8_strlen (text->str, -1);
          g_array_append_val (spans, span);
        }
      g_assert_true (bt_document_append_segmented (document, text->str, p + 1,
                                                   (const BtSpan *) spans->data, spans->len,
                                                   &error));
      g_assert_no_error (error);
    }
  return document;
}

static BtReview *
make_review (guint n_paragraphs,
             guint n_sentences_each,
             guint n_targets)
{
  g_autoptr(BtDocument) source = make_document (BT_LANGUAGE_ZH, n_paragraphs, n_sentences_each);
  g_autoptr(BtDocument) target = make_document (BT_LANGUAGE_EN, n_targets, 1);
  BtReview *review = bt_review_new (source, target);

  _bt_review_set_clock (review, CLOCK);
  bt_review_set_reviewer (review, "Li Wei");
  return review;
}

/* The indices must hold exactly the links a full scan finds. */
static void
assert_indices (BtReview *review)
{
  guint n_paragraphs = bt_document_get_n_paragraphs (bt_review_get_source (review));
  guint n_sentences = bt_document_get_n_sentences (bt_review_get_target (review));
  guint total = 0;

  for (guint p = 0; p < n_paragraphs + 2; p++)
    {
      guint n = 0, expected = 0;
      const guint *items = bt_review_get_paragraph_links (review, p, &n);
      for (guint i = 0; i < bt_review_get_n_links (review); i++)
        expected += bt_review_get_link (review, i)->paragraph == p;
      g_assert_cmpuint (n, ==, expected);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (bt_review_get_link (review, items[i])->paragraph, ==, p);
      total += n;
    }
  g_assert_cmpuint (total, ==, bt_review_get_n_links (review));
  for (guint s = 0; s < n_sentences; s++)
    {
      guint n = 0;
      const guint *items = bt_review_get_sentence_links (review, s, &n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (bt_review_get_link (review, items[i])->sentence, ==, s);
    }
  for (guint i = 0; i < bt_review_get_n_omissions (review); i++)
    {
      const BtOmission *omission = bt_review_get_omission (review, i);
      g_assert_true (bt_review_find_omission (review, omission->id) == omission);
    }
  for (guint i = 0; i < bt_review_get_n_additions (review); i++)
    {
      const BtAddition *addition = bt_review_get_addition (review, i);
      g_assert_true (bt_review_find_addition (review, addition->sentence) == addition);
    }
}

typedef struct
{
  int         kind;   /* 0 state, 1 origin, 2 status, 3 category, 4 severity */
  guint       value;
  const char *string;
} NameCase;

static const NameCase name_cases[] = {
  { 0, BT_STATE_SUGGESTED, "suggested" },
  { 0, BT_STATE_ACCEPTED, "accepted" },
  { 0, BT_STATE_REJECTED, "rejected" },
  { 1, BT_ORIGIN_AUTO, "auto" },
  { 1, BT_ORIGIN_REVIEWER, "reviewer" },
  { 2, BT_STATUS_UNREVIEWED, "unreviewed" },
  { 2, BT_STATUS_REVIEWED, "reviewed" },
  { 2, BT_STATUS_NEEDS_ATTENTION, "needs-attention" },
  { 3, BT_CATEGORY_CONDENSATION, "condensation" },
  { 3, BT_CATEGORY_SUBSTANTIVE, "substantive" },
  { 3, BT_CATEGORY_DETAIL, "detail" },
  { 3, BT_CATEGORY_ATTRIBUTION, "attribution" },
  { 3, BT_CATEGORY_OTHER, "other" },
  { 4, BT_SEVERITY_NEUTRAL, "neutral" },
  { 4, BT_SEVERITY_MINOR, "minor" },
  { 4, BT_SEVERITY_MAJOR, "major" },
  { 4, BT_SEVERITY_CRITICAL, "critical" },
};

static const char *
name_to_string (int   kind,
                guint value)
{
  switch (kind)
    {
    case 0: return bt_state_to_string (value);
    case 1: return bt_origin_to_string (value);
    case 2: return bt_status_to_string (value);
    case 3: return bt_category_to_string (value);
    default: return bt_severity_to_string (value);
    }
}

static gboolean
name_from_string (int         kind,
                  const char *string,
                  guint      *value)
{
  switch (kind)
    {
    case 0: return bt_state_from_string (string, (BtState *) value);
    case 1: return bt_origin_from_string (string, (BtOrigin *) value);
    case 2: return bt_status_from_string (string, (BtStatus *) value);
    case 3: return bt_category_from_string (string, (BtCategory *) value);
    default: return bt_severity_from_string (string, (BtSeverity *) value);
    }
}

static void
test_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      guint value = 99;

      g_assert_cmpstr (name_to_string (c->kind, c->value), ==, c->string);
      g_assert_true (name_from_string (c->kind, c->string, &value));
      g_assert_cmpuint (value, ==, c->value);
      g_assert_false (name_from_string (c->kind, "Accepted", &value));
      g_assert_false (name_from_string (c->kind, "", &value));
    }
}

static void
test_severity_values (void)
{
  static const guint weights[] = { 0, 1, 5, 10 };
  static const guint its[] = { 0, 25, 60, 90 };

  for (guint s = 0; s < BT_N_SEVERITIES; s++)
    {
      g_assert_cmpuint (bt_severity_get_weight (s), ==, weights[s]);
      g_assert_cmpuint (bt_severity_get_its_value (s), ==, its[s]);
    }
}

static void
test_links (void)
{
  g_autoptr(BtReview) review = make_review (4, 2, 5);
  const BtLink *link;
  guint n = 0;
  const guint *items;

  /* many-to-many and crossing: p0-e3, p3-e0, p0-e0, p1-e3 */
  g_assert_true (bt_review_add_link (review, 0, 3, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  g_assert_true (bt_review_add_link (review, 3, 0, BT_ORIGIN_AUTO, 0.7, BT_STATE_SUGGESTED));
  g_assert_true (bt_review_add_link (review, 0, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED));
  g_assert_true (bt_review_add_link (review, 1, 3, BT_ORIGIN_AUTO, 0.2, BT_STATE_REJECTED));
  g_assert_false (bt_review_add_link (review, 0, 3, BT_ORIGIN_AUTO, 0.9, BT_STATE_SUGGESTED));
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 4);
  assert_indices (review);

  items = bt_review_get_paragraph_links (review, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (items != NULL);
  bt_review_get_sentence_links (review, 3, &n);
  g_assert_cmpuint (n, ==, 2);
  bt_review_get_paragraph_links (review, 2, &n);
  g_assert_cmpuint (n, ==, 0);

  link = bt_review_find_link (review, 3, 0);
  g_assert_nonnull (link);
  g_assert_cmpfloat (link->confidence, ==, 0.7);
  g_assert_cmpint (link->origin, ==, BT_ORIGIN_AUTO);
  g_assert_null (link->decision.by);
  g_assert_cmpint (link->decision.at, ==, 0);

  link = bt_review_find_link (review, 0, 0);
  g_assert_cmpstr (link->decision.by, ==, "Li Wei");
  g_assert_cmpint (link->decision.at, ==, CLOCK);
  link = bt_review_find_link (review, 1, 3);
  g_assert_cmpint (link->state, ==, BT_STATE_REJECTED);
  g_assert_cmpstr (link->decision.by, ==, "Li Wei");

  _bt_review_set_clock (review, CLOCK + 60);
  bt_review_set_reviewer (review, "Wang Fang");
  g_assert_true (bt_review_set_link_state (review, 3, 0, BT_STATE_ACCEPTED));
  g_assert_false (bt_review_set_link_state (review, 3, 0, BT_STATE_ACCEPTED));
  link = bt_review_find_link (review, 3, 0);
  g_assert_cmpstr (link->decision.by, ==, "Wang Fang");
  g_assert_cmpint (link->decision.at, ==, CLOCK + 60);
  g_assert_true (bt_review_set_link_state (review, 3, 0, BT_STATE_SUGGESTED));
  g_assert_null (bt_review_find_link (review, 3, 0)->decision.by);

  g_assert_true (bt_review_remove_link (review, 0, 3));
  g_assert_false (bt_review_remove_link (review, 0, 3));
  g_assert_null (bt_review_find_link (review, 0, 3));
  assert_indices (review);

  g_assert_true (bt_review_toggle_link (review, 2, 4));
  link = bt_review_find_link (review, 2, 4);
  g_assert_cmpint (link->origin, ==, BT_ORIGIN_REVIEWER);
  g_assert_cmpint (link->state, ==, BT_STATE_ACCEPTED);
  g_assert_cmpfloat (link->confidence, ==, 1.0);
  g_assert_true (bt_review_toggle_link (review, 2, 4));
  g_assert_null (bt_review_find_link (review, 2, 4));
  assert_indices (review);
}

static void
test_decider (void)
{
  g_autoptr(BtReview) review = make_review (1, 1, 1);
  const BtLink *link;

  bt_review_set_reviewer (review, "");
  g_assert_null (bt_review_get_reviewer (review));
  g_assert_true (bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_ACCEPTED));
  link = bt_review_find_link (review, 0, 0);
  g_assert_nonnull (link->decision.by);
  g_assert_cmpstr (link->decision.by, !=, "");

  _bt_review_set_clock (review, 0);
  g_assert_true (bt_review_set_link_state (review, 0, 0, BT_STATE_REJECTED));
  link = bt_review_find_link (review, 0, 0);
  g_assert_cmpint (link->decision.at, >, CLOCK);
  g_assert_cmpint (link->decision.at, <=, g_get_real_time () / G_USEC_PER_SEC);
}

typedef struct
{
  const char *name;
  gboolean  (*edit) (BtReview *review);
} RefusedCase;

static gboolean
refuse_link_paragraph (BtReview *r)
{
  return bt_review_add_link (r, 3, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
}

static gboolean
refuse_link_sentence (BtReview *r)
{
  return bt_review_add_link (r, 0, 2, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
}

static gboolean
refuse_link_confidence (BtReview *r)
{
  return bt_review_add_link (r, 0, 1, BT_ORIGIN_AUTO, 1.5, BT_STATE_SUGGESTED);
}

static gboolean
refuse_link_duplicate (BtReview *r)
{
  return bt_review_add_link (r, 0, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
}

static gboolean
refuse_link_state (BtReview *r)
{
  return bt_review_set_link_state (r, 0, 0, BT_STATE_ACCEPTED);
}

static gboolean
refuse_link_missing (BtReview *r)
{
  return bt_review_set_link_state (r, 1, 1, BT_STATE_ACCEPTED);
}

static gboolean
refuse_omission_empty (BtReview *r)
{
  return bt_review_add_omission (r, 0, 4, 4, 0, 0, NULL, BT_ORIGIN_AUTO, 1, 0) != 0;
}

static gboolean
refuse_omission_past_end (BtReview *r)
{
  return bt_review_add_omission (r, 0, 0, 13, 0, 0, NULL, BT_ORIGIN_AUTO, 1, 0) != 0;
}

static gboolean
refuse_omission_category (BtReview *r)
{
  return bt_review_add_omission (r, 0, 0, 2, BT_N_CATEGORIES, 0, NULL, BT_ORIGIN_AUTO, 1, 0) != 0;
}

static gboolean
refuse_omission_unchanged (BtReview *r)
{
  const BtOmission *omission = bt_review_get_omission (r, 0);

  return bt_review_update_omission (r, omission->id, omission->category, omission->severity,
                                    omission->comment);
}

static gboolean
refuse_omission_unknown (BtReview *r)
{
  return bt_review_remove_omission (r, 999);
}

static gboolean
refuse_addition_twice (BtReview *r)
{
  return bt_review_add_addition (r, 1, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
}

static gboolean
refuse_status_same (BtReview *r)
{
  return bt_review_set_status (r, 0, BT_STATUS_UNREVIEWED);
}

static gboolean
refuse_note_same (BtReview *r)
{
  return bt_review_set_note (r, 1, NULL);
}

static gboolean
refuse_threshold_negative (BtReview *r)
{
  return bt_review_set_threshold (r, -1);
}

static gboolean
refuse_split_at_start (BtReview *r)
{
  return bt_review_split_paragraph (r, 0, 0);
}

static gboolean
refuse_merge_last (BtReview *r)
{
  return bt_review_merge_paragraphs (r, 2);
}

static gboolean
refuse_decide_nothing (BtReview *r)
{
  return bt_review_decide_paragraph (r, 2, BT_STATE_ACCEPTED);
}

static gboolean
refuse_decide_suggested (BtReview *r)
{
  return bt_review_decide_paragraph (r, 0, BT_STATE_SUGGESTED);
}

static const RefusedCase refused_cases[] = {
  { "link to a missing paragraph", refuse_link_paragraph },
  { "link to a missing sentence", refuse_link_sentence },
  { "link with confidence over 1", refuse_link_confidence },
  { "link added twice", refuse_link_duplicate },
  { "link state unchanged", refuse_link_state },
  { "state of a missing link", refuse_link_missing },
  { "empty omission", refuse_omission_empty },
  { "omission past the end", refuse_omission_past_end },
  { "omission of no category", refuse_omission_category },
  { "omission update that changes nothing", refuse_omission_unchanged },
  { "unknown omission", refuse_omission_unknown },
  { "addition added twice", refuse_addition_twice },
  { "status unchanged", refuse_status_same },
  { "note unchanged", refuse_note_same },
  { "negative threshold", refuse_threshold_negative },
  { "split at the start", refuse_split_at_start },
  { "merge of the last paragraph", refuse_merge_last },
  { "decide a paragraph without suggestions", refuse_decide_nothing },
  { "decide to suggest", refuse_decide_suggested },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autoptr(BtReview) review = make_review (3, 2, 2);
      g_autoptr(BtReview) before = NULL;

      g_test_message ("%s", refused_cases[i].name);
      bt_review_add_link (review, 0, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
      bt_review_add_omission (review, 0, 0, 6, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR, "x",
                              BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
      bt_review_add_addition (review, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
      before = bt_review_copy (review);

      g_assert_false (refused_cases[i].edit (review));
      g_assert_true (bt_review_equal (review, before));
      g_assert_cmpstr (bt_review_get_undo_label (review), ==, "Mark Addition");
    }
}

static void
test_omissions (void)
{
  g_autoptr(BtReview) review = make_review (2, 2, 1);
  g_autoptr(GArray) listed = NULL;
  const BtOmission *omission;
  guint a, b, c;

  a = bt_review_add_omission (review, 0, 6, 12, BT_CATEGORY_DETAIL, BT_SEVERITY_MAJOR,
                              "数字 & <names>", BT_ORIGIN_AUTO, 0.8, BT_STATE_SUGGESTED);
  b = bt_review_add_omission (review, 0, 0, 3, BT_CATEGORY_CONDENSATION, BT_SEVERITY_NEUTRAL,
                              NULL, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  c = bt_review_add_omission (review, 1, 0, 12, BT_CATEGORY_OTHER, BT_SEVERITY_CRITICAL, "",
                              BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  g_assert_cmpuint (a, !=, 0);
  g_assert_cmpuint (b, !=, 0);
  g_assert_cmpuint (c, !=, 0);
  g_assert_cmpuint (a, !=, b);
  g_assert_cmpuint (b, !=, c);

  omission = bt_review_find_omission (review, b);
  g_assert_cmpstr (omission->comment, ==, "");
  g_assert_cmpstr (omission->decision.by, ==, "Li Wei");

  listed = bt_review_list_paragraph_omissions (review, 0);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpuint (bt_review_get_omission (review, g_array_index (listed, guint, 0))->id, ==, b);
  g_assert_cmpuint (bt_review_get_omission (review, g_array_index (listed, guint, 1))->id, ==, a);

  /* ids stay what they were when others go */
  g_assert_true (bt_review_remove_omission (review, a));
  g_assert_null (bt_review_find_omission (review, a));
  g_assert_cmpuint (bt_review_find_omission (review, c)->paragraph, ==, 1);
  g_assert_cmpuint (bt_review_find_omission (review, b)->end, ==, 3);
  assert_indices (review);

  g_assert_true (bt_review_update_omission (review, c, BT_CATEGORY_ATTRIBUTION, BT_SEVERITY_MINOR,
                                            "who said it"));
  omission = bt_review_find_omission (review, c);
  g_assert_cmpint (omission->category, ==, BT_CATEGORY_ATTRIBUTION);
  g_assert_cmpint (omission->severity, ==, BT_SEVERITY_MINOR);
  g_assert_cmpstr (omission->comment, ==, "who said it");
  g_assert_cmpint (omission->decision.at, ==, CLOCK);

  g_assert_true (bt_review_set_omission_state (review, c, BT_STATE_REJECTED));
  g_assert_cmpint (bt_review_find_omission (review, c)->state, ==, BT_STATE_REJECTED);
  g_assert_cmpuint (bt_review_add_omission (review, 1, 2, 4, 0, 0, NULL, 0, 1, 0), >, c);
}

static void
test_additions (void)
{
  g_autoptr(BtReview) review = make_review (1, 1, 4);
  const BtAddition *addition;

  g_assert_true (bt_review_add_addition (review, 2, BT_ORIGIN_AUTO, 0.6, BT_STATE_SUGGESTED));
  g_assert_true (bt_review_add_addition (review, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED));
  g_assert_false (bt_review_add_addition (review, 4, BT_ORIGIN_AUTO, 1, BT_STATE_SUGGESTED));
  g_assert_null (bt_review_find_addition (review, 1));
  addition = bt_review_find_addition (review, 2);
  g_assert_cmpfloat (addition->confidence, ==, 0.6);
  g_assert_true (bt_review_set_addition_state (review, 2, BT_STATE_REJECTED));
  g_assert_cmpstr (bt_review_find_addition (review, 2)->decision.by, ==, "Li Wei");
  g_assert_true (bt_review_remove_addition (review, 0));
  g_assert_null (bt_review_find_addition (review, 0));
  g_assert_nonnull (bt_review_find_addition (review, 2));
  g_assert_cmpuint (bt_review_get_n_additions (review), ==, 1);
  assert_indices (review);
}

static void
test_status_and_note (void)
{
  g_autoptr(BtReview) review = make_review (3, 1, 1);

  g_assert_cmpint (bt_review_get_status (review, 2), ==, BT_STATUS_UNREVIEWED);
  g_assert_cmpstr (bt_review_get_note (review, 2), ==, "");
  g_assert_true (bt_review_set_status (review, 2, BT_STATUS_NEEDS_ATTENTION));
  g_assert_true (bt_review_set_note (review, 1, "check 12.4 亿 <b> & \"x\""));
  g_assert_cmpint (bt_review_get_status (review, 2), ==, BT_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (bt_review_get_status (review, 1), ==, BT_STATUS_UNREVIEWED);
  g_assert_cmpstr (bt_review_get_note (review, 1), ==, "check 12.4 亿 <b> & \"x\"");
  g_assert_true (bt_review_set_note (review, 1, ""));
  g_assert_cmpstr (bt_review_get_note (review, 1), ==, "");
  g_assert_false (bt_review_set_status (review, 3, BT_STATUS_REVIEWED));
  g_assert_cmpfloat (bt_review_get_threshold (review), ==, 5.0);
  g_assert_true (bt_review_set_threshold (review, 2.5));
  g_assert_cmpfloat (bt_review_get_threshold (review), ==, 2.5);
}

typedef struct
{
  const char *name;
  gboolean    linked;
  BtState     link_state;
  guint       spans[3][2];
  BtState     span_states[3];
  const char *expected; /* one letter a code point: U, R, O */
} CoverageCase;

static const CoverageCase coverage_cases[] = {
  { "nothing", FALSE, 0, { { 0 } }, { 0 }, "UUUUUUUUUUUU" },
  { "linked", TRUE, BT_STATE_SUGGESTED, { { 0 } }, { 0 }, "RRRRRRRRRRRR" },
  { "rejected link", TRUE, BT_STATE_REJECTED, { { 0 } }, { 0 }, "UUUUUUUUUUUU" },
  { "omitted whole", FALSE, 0, { { 0, 12 } }, { BT_STATE_SUGGESTED }, "OOOOOOOOOOOO" },
  { "linked with a gap", TRUE, BT_STATE_ACCEPTED, { { 2, 5 } }, { BT_STATE_ACCEPTED },
    "RROOORRRRRRR" },
  { "rejected omission", TRUE, BT_STATE_ACCEPTED, { { 2, 5 } }, { BT_STATE_REJECTED },
    "RRRRRRRRRRRR" },
  { "overlapping omissions", FALSE, 0, { { 1, 4 }, { 3, 7 }, { 10, 12 } },
    { BT_STATE_SUGGESTED, BT_STATE_ACCEPTED, BT_STATE_REJECTED }, "UOOOOOOUUUUU" },
};

static void
test_coverage (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (coverage_cases); i++)
    {
      const CoverageCase *c = &coverage_cases[i];
      g_autoptr(BtReview) review = make_review (2, 2, 2);
      g_autoptr(GByteArray) coverage = NULL;
      g_autoptr(GByteArray) other = NULL;
      g_autoptr(GString) letters = g_string_new (NULL);

      g_test_message ("%s", c->name);
      if (c->linked)
        bt_review_add_link (review, 1, 0, BT_ORIGIN_AUTO, 0.5, c->link_state);
      for (guint k = 0; k < 3 && c->spans[k][1] > 0; k++)
        g_assert_cmpuint (bt_review_add_omission (review, 1, c->spans[k][0], c->spans[k][1],
                                                  BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR, NULL,
                                                  BT_ORIGIN_AUTO, 0.5, c->span_states[k]),
                          !=, 0);
      coverage = bt_review_get_coverage (review, 1);
      for (guint k = 0; k < coverage->len; k++)
        g_string_append_c (letters, "URO"[coverage->data[k]]);
      g_assert_cmpstr (letters->str, ==, c->expected);
      other = bt_review_get_coverage (review, 0);
      g_assert_cmpuint (other->len, ==, 12);
      for (guint k = 0; k < other->len; k++)
        g_assert_cmpuint (other->data[k], ==, BT_COVERAGE_UNDECIDED);
    }
}

static void
record_cb (BtReview *review,
           guint     index,
           gpointer  user_data)
{
  g_string_append_printf (user_data, "%u ", index);
}

static void
record_sentence_cb (BtReview *review,
                    guint     index,
                    gpointer  user_data)
{
  g_string_append_printf (user_data, "s%u ", index);
}

static void
record_plain_cb (BtReview *review,
                 gpointer  user_data)
{
  g_string_append (user_data, "changed ");
}

static void
record_structure_cb (BtReview *review,
                     gpointer  user_data)
{
  g_string_append (user_data, "structure ");
}

static void
test_signals (void)
{
  g_autoptr(BtReview) review = make_review (4, 2, 4);
  g_autoptr(GString) log = g_string_new (NULL);
  guint id;

  g_signal_connect (review, "paragraph-changed", G_CALLBACK (record_cb), log);
  g_signal_connect (review, "sentence-changed", G_CALLBACK (record_sentence_cb), log);
  g_signal_connect (review, "structure-changed", G_CALLBACK (record_structure_cb), log);
  g_signal_connect (review, "changed", G_CALLBACK (record_plain_cb), log);

  bt_review_add_link (review, 2, 3, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  g_assert_cmpstr (log->str, ==, "2 s3 changed ");
  g_string_truncate (log, 0);
  id = bt_review_add_omission (review, 1, 0, 2, 0, 0, NULL, BT_ORIGIN_AUTO, 0.5, 0);
  g_assert_cmpstr (log->str, ==, "1 changed ");
  g_string_truncate (log, 0);
  bt_review_add_addition (review, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  g_assert_cmpstr (log->str, ==, "s0 changed ");
  g_string_truncate (log, 0);
  bt_review_set_status (review, 3, BT_STATUS_REVIEWED);
  bt_review_set_note (review, 0, "n");
  g_assert_cmpstr (log->str, ==, "3 changed 0 changed ");
  g_string_truncate (log, 0);
  bt_review_set_threshold (review, 1);
  g_assert_cmpstr (log->str, ==, "changed ");
  g_string_truncate (log, 0);

  bt_review_begin_group (review, "Several");
  bt_review_set_omission_state (review, id, BT_STATE_ACCEPTED);
  bt_review_remove_link (review, 2, 3);
  g_assert_cmpstr (log->str, ==, "1 2 s3 ");
  bt_review_end_group (review);
  g_assert_cmpstr (log->str, ==, "1 2 s3 changed ");
  g_string_truncate (log, 0);
  bt_review_undo (review);
  g_assert_cmpstr (log->str, ==, "2 s3 1 changed ");
  g_string_truncate (log, 0);

  bt_review_split_paragraph (review, 1, 6);
  g_assert_cmpstr (log->str, ==, "structure changed ");
  g_string_truncate (log, 0);
  bt_review_undo (review);
  g_assert_cmpstr (log->str, ==, "structure changed ");
}

static void
test_copy_and_equal (void)
{
  g_autoptr(BtReview) review = make_review (3, 2, 3);
  g_autoptr(BtReview) copy = NULL;
  g_autoptr(BtReview) other = NULL;
  guint id;

  bt_review_add_link (review, 0, 2, BT_ORIGIN_AUTO, 0.25, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 2, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  id = bt_review_add_omission (review, 1, 3, 9, BT_CATEGORY_SUBSTANTIVE, BT_SEVERITY_MAJOR,
                               "“引号” 𠀀 e\xcc\x81", BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_addition (review, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_set_status (review, 2, BT_STATUS_REVIEWED);
  bt_review_set_note (review, 2, "note");

  copy = bt_review_copy (review);
  g_assert_true (bt_review_equal (review, copy));
  g_assert_true (bt_review_equal (copy, review));
  g_assert_true (bt_review_get_source (copy) != bt_review_get_source (review));
  g_assert_false (bt_review_can_undo (copy));
  g_assert_cmpuint (bt_review_find_omission (copy, id)->start, ==, 3);
  assert_indices (copy);

  /* each kind of difference is seen */
  bt_review_set_link_state (copy, 0, 2, BT_STATE_ACCEPTED);
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  g_assert_true (bt_review_equal (review, copy));
  bt_review_update_omission (copy, id, BT_CATEGORY_SUBSTANTIVE, BT_SEVERITY_MAJOR, "other");
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_set_addition_state (copy, 1, BT_STATE_REJECTED);
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_set_note (copy, 2, "note!");
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_set_status (copy, 0, BT_STATUS_NEEDS_ATTENTION);
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_set_threshold (copy, 7);
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_split_sentence (copy, 0, 3);
  g_assert_false (bt_review_equal (review, copy));
  bt_review_undo (copy);
  bt_review_set_reviewer (copy, "Someone Else");
  g_assert_false (bt_review_equal (review, copy));
  bt_review_set_reviewer (copy, "Li Wei");
  g_assert_true (bt_review_equal (review, copy));

  /* the copy is independent of the original */
  bt_review_remove_link (review, 2, 0);
  g_assert_nonnull (bt_review_find_link (copy, 2, 0));

  other = make_review (3, 2, 4);
  g_assert_false (bt_review_equal (copy, other));
}

static void
test_restore_decisions (void)
{
  g_autoptr(BtReview) review = make_review (2, 1, 2);
  guint id;

  bt_review_add_link (review, 0, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_ACCEPTED);
  id = bt_review_add_omission (review, 1, 0, 2, 0, 0, NULL, BT_ORIGIN_AUTO, 0.5,
                               BT_STATE_REJECTED);
  bt_review_add_addition (review, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_ACCEPTED);

  g_assert_true (_bt_review_restore_link_decision (review, 0, 1, "Zhang San", 12345));
  g_assert_true (_bt_review_restore_omission_decision (review, id, "Zhang San", 23456));
  g_assert_true (_bt_review_restore_addition_decision (review, 0, NULL, 0));
  g_assert_false (_bt_review_restore_link_decision (review, 1, 1, "x", 1));
  g_assert_false (_bt_review_restore_omission_decision (review, id + 1, "x", 1));
  g_assert_false (_bt_review_restore_addition_decision (review, 1, "x", 1));

  g_assert_cmpstr (bt_review_find_link (review, 0, 1)->decision.by, ==, "Zhang San");
  g_assert_cmpint (bt_review_find_link (review, 0, 1)->decision.at, ==, 12345);
  g_assert_cmpint (bt_review_find_omission (review, id)->decision.at, ==, 23456);
  g_assert_null (bt_review_find_addition (review, 0)->decision.by);
}

static void
test_split_paragraph (void)
{
  g_autoptr(BtReview) review = make_review (3, 3, 3);
  guint whole, straddle, tail;
  const BtOmission *omission;

  /* paragraph 1 is 18 code points; split it at 6 */
  bt_review_add_link (review, 1, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 2, 2, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  whole = bt_review_add_omission (review, 2, 0, 18, 0, 0, NULL, 0, 1, 0);
  straddle = bt_review_add_omission (review, 1, 4, 10, 0, BT_SEVERITY_MAJOR, "s", 0, 1, 0);
  tail = bt_review_add_omission (review, 1, 12, 18, 0, 0, NULL, 0, 1, 0);
  bt_review_set_status (review, 1, BT_STATUS_REVIEWED);
  bt_review_set_note (review, 1, "keep");
  bt_review_set_status (review, 2, BT_STATUS_NEEDS_ATTENTION);

  g_assert_true (bt_review_split_paragraph (review, 1, 6));
  g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_source (review)), ==, 4);
  g_assert_nonnull (bt_review_find_link (review, 1, 0));
  g_assert_nonnull (bt_review_find_link (review, 2, 0));
  g_assert_nonnull (bt_review_find_link (review, 3, 2));
  g_assert_null (bt_review_find_link (review, 2, 2));
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 3);

  omission = bt_review_find_omission (review, whole);
  g_assert_cmpuint (omission->paragraph, ==, 3);
  omission = bt_review_find_omission (review, straddle);
  g_assert_cmpuint (omission->paragraph, ==, 1);
  g_assert_cmpuint (omission->start, ==, 4);
  g_assert_cmpuint (omission->end, ==, 6);
  omission = bt_review_find_omission (review, tail);
  g_assert_cmpuint (omission->paragraph, ==, 2);
  g_assert_cmpuint (omission->start, ==, 6);
  g_assert_cmpuint (omission->end, ==, 12);
  g_assert_cmpuint (bt_review_get_n_omissions (review), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      omission = bt_review_get_omission (review, i);
      if (omission->id != whole && omission->id != straddle && omission->id != tail)
        {
          g_assert_cmpuint (omission->paragraph, ==, 2);
          g_assert_cmpuint (omission->start, ==, 0);
          g_assert_cmpuint (omission->end, ==, 4);
          g_assert_cmpint (omission->severity, ==, BT_SEVERITY_MAJOR);
          g_assert_cmpstr (omission->comment, ==, "s");
        }
    }
  g_assert_cmpint (bt_review_get_status (review, 1), ==, BT_STATUS_REVIEWED);
  g_assert_cmpint (bt_review_get_status (review, 2), ==, BT_STATUS_REVIEWED);
  g_assert_cmpint (bt_review_get_status (review, 3), ==, BT_STATUS_NEEDS_ATTENTION);
  g_assert_cmpstr (bt_review_get_note (review, 1), ==, "keep");
  g_assert_cmpstr (bt_review_get_note (review, 2), ==, "");
  assert_indices (review);
}

typedef struct
{
  const char *text;
  guint       at_char;
  gboolean    allowed;
} CutCase;

/* Only splits that a merge takes back exactly are made. */
static const CutCase cut_cases[] = {
  { "新华社北京电。", 3, TRUE },
  { "新华社 北京电。", 3, FALSE },      /* the blank would be lost */
  { "新华社 北京电。", 4, FALSE },
  { "GDP增长。", 3, TRUE },
  { "GDP增长。", 2, FALSE },            /* a merge would write "GD P" */
  { "他说：“好。”新华社电。", 3, TRUE }, /* inside a sentence */
  { "他说：“好。”新华社电。", 7, TRUE }, /* between sentences */
};

static void
test_split_cuts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cut_cases); i++)
    {
      const CutCase *c = &cut_cases[i];
      g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
      g_autoptr(BtDocument) target = make_document (BT_LANGUAGE_EN, 1, 1);
      g_autoptr(BtReview) review = NULL;
      g_autoptr(BtReview) before = NULL;

      g_test_message ("%s at %u", c->text, c->at_char);
      bt_document_append_paragraph (source, c->text, 1);
      review = bt_review_new (source, target);
      before = bt_review_copy (review);
      g_assert_cmpint (bt_review_split_paragraph (review, 0, c->at_char), ==, c->allowed);
      g_assert_cmpuint (bt_document_get_n_paragraphs (source), ==, c->allowed ? 2 : 1);
      if (c->allowed)
        g_assert_true (bt_review_undo (review));
      g_assert_true (bt_review_equal (review, before));
    }
}

/* Paragraphs from a saved review may keep blanks at their ends, which a
 * split after a merge would drop. */
static void
test_merge_cuts (void)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = make_document (BT_LANGUAGE_EN, 1, 1);
  g_autoptr(BtReview) review = NULL;
  g_autoptr(BtReview) before = NULL;
  const BtSpan spans[] = { { 0, 3 }, { 0, 2 }, { 0, 3 } };

  g_assert_true (bt_document_append_segmented (source, "甲乙 ", 1, &spans[0], 1, NULL));
  g_assert_true (bt_document_append_segmented (source, "丙丁", 2, &spans[1], 1, NULL));
  g_assert_true (bt_document_append_segmented (source, "戊己。", 3, &spans[2], 1, NULL));
  review = bt_review_new (source, target);
  before = bt_review_copy (review);

  g_assert_false (bt_review_merge_paragraphs (review, 0));
  g_assert_true (bt_review_equal (review, before));
  g_assert_true (bt_review_merge_paragraphs (review, 1));
  g_assert_cmpstr (bt_document_get_paragraph (source, 1)->text, ==, "丙丁戊己。");
  g_assert_true (bt_review_undo (review));
  g_assert_true (bt_review_equal (review, before));
}

static void
test_merge_paragraphs (void)
{
  g_autoptr(BtReview) review = make_review (3, 2, 3);

  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 1, 0, BT_ORIGIN_AUTO, 0.9, BT_STATE_ACCEPTED);
  bt_review_add_link (review, 1, 1, BT_ORIGIN_AUTO, 0.9, BT_STATE_ACCEPTED);
  bt_review_add_link (review, 2, 2, BT_ORIGIN_AUTO, 0.9, BT_STATE_ACCEPTED);
  bt_review_add_omission (review, 1, 2, 8, 0, 0, NULL, 0, 1, 0);
  bt_review_set_note (review, 0, "a");
  bt_review_set_note (review, 1, "b");
  bt_review_set_status (review, 0, BT_STATUS_REVIEWED);
  bt_review_set_status (review, 1, BT_STATUS_REVIEWED);

  g_assert_true (bt_review_merge_paragraphs (review, 0));
  g_assert_cmpuint (bt_document_get_paragraph (bt_review_get_source (review), 0)->n_chars, ==, 24);
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 3);
  g_assert_cmpfloat (bt_review_find_link (review, 0, 0)->confidence, ==, 0.5);
  g_assert_nonnull (bt_review_find_link (review, 0, 1));
  g_assert_nonnull (bt_review_find_link (review, 1, 2));
  g_assert_cmpuint (bt_review_get_omission (review, 0)->paragraph, ==, 0);
  g_assert_cmpuint (bt_review_get_omission (review, 0)->start, ==, 14);
  g_assert_cmpuint (bt_review_get_omission (review, 0)->end, ==, 20);
  g_assert_cmpstr (bt_review_get_note (review, 0), ==, "a\nb");
  g_assert_cmpint (bt_review_get_status (review, 0), ==, BT_STATUS_REVIEWED);
  g_assert_cmpint (bt_review_get_status (review, 1), ==, BT_STATUS_UNREVIEWED);
  assert_indices (review);
}

static void
test_split_and_merge_sentences (void)
{
  g_autoptr(BtReview) review = make_review (2, 1, 3);
  BtDocument *target;

  bt_review_add_link (review, 0, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 1, 2, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_addition (review, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  target = bt_review_get_target (review);

  /* "Word ba." split after "Word" */
  g_assert_true (bt_review_split_sentence (review, 1, 4));
  g_assert_cmpuint (bt_document_get_n_sentences (target), ==, 4);
  g_assert_nonnull (bt_review_find_link (review, 0, 1));
  g_assert_nonnull (bt_review_find_link (review, 0, 2));
  g_assert_nonnull (bt_review_find_link (review, 1, 3));
  g_assert_nonnull (bt_review_find_addition (review, 1));
  g_assert_nonnull (bt_review_find_addition (review, 2));
  assert_indices (review);

  g_assert_true (bt_review_remove_addition (review, 1));
  g_assert_true (bt_review_merge_sentences (review, 1));
  g_assert_cmpuint (bt_document_get_n_sentences (target), ==, 3);
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 2);
  g_assert_nonnull (bt_review_find_link (review, 0, 1));
  g_assert_nonnull (bt_review_find_link (review, 1, 2));
  g_assert_nonnull (bt_review_find_addition (review, 1));
  g_assert_cmpuint (bt_review_get_n_additions (review), ==, 1);
  g_assert_false (bt_review_merge_sentences (review, 0));
  assert_indices (review);
}

static void
test_random_indices (void)
{
  g_autoptr(BtReview) review = make_review (20, 2, 30);

  for (guint step = 0; step < 3000; step++)
    {
      guint p = g_test_rand_int_range (0, 20);
      guint s = g_test_rand_int_range (0, 30);

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
        case 1:
          bt_review_toggle_link (review, p, s);
          break;
        case 2:
          bt_review_add_omission (review, p, 0, g_test_rand_int_range (1, 13), 0, 0, NULL, 0,
                                  1, 0);
          break;
        default:
          if (bt_review_get_n_omissions (review) > 0)
            bt_review_remove_omission (review, bt_review_get_omission (
                review, g_test_rand_int_range (0, bt_review_get_n_omissions (review)))->id);
        }
      if (step % 100 == 0)
        assert_indices (review);
    }
  assert_indices (review);
}

/* One paragraph linked to many sentences, emptied and filled again: its
 * index grows past its inline value, shrinks and is reused. */
static void
test_crowded_paragraph (void)
{
  g_autoptr(BtReview) review = make_review (3, 2, 40);
  guint n = 0;

  for (guint s = 0; s < 40; s++)
    g_assert_true (bt_review_add_link (review, 1, s, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  g_assert_true (bt_review_add_link (review, 2, 7, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  assert_indices (review);
  bt_review_get_paragraph_links (review, 1, &n);
  g_assert_cmpuint (n, ==, 40);
  for (guint s = 0; s < 40; s += 3)
    g_assert_true (bt_review_remove_link (review, 1, s));
  assert_indices (review);
  for (guint s = 0; s < 40; s++)
    g_assert_true ((bt_review_find_link (review, 1, s) != NULL) == (s % 3 != 0));
  for (guint s = 0; s < 40; s++)
    if (s % 3 != 0)
      g_assert_true (bt_review_remove_link (review, 1, s));
  g_assert_null (bt_review_get_paragraph_links (review, 1, &n));
  g_assert_cmpuint (n, ==, 0);
  assert_indices (review);
  g_assert_true (bt_review_add_link (review, 1, 39, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  g_assert_nonnull (bt_review_find_link (review, 1, 39));
  assert_indices (review);
  while (bt_review_undo (review))
    assert_indices (review);
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 0);
  while (bt_review_redo (review))
    ;
  assert_indices (review);
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 2);
  g_assert_nonnull (bt_review_find_link (review, 2, 7));
}

/* The writers' benchmark review: it must be cheap to build and query.
 * The bounds are loose enough for sanitizers on a busy machine, and far
 * below what work quadratic in the links would take. */
static void
test_large (void)
{
  g_autoptr(BtReview) review = make_review (10000, 2, 15000);
  g_autoptr(GTimer) timer = g_timer_new ();
  BtFigures figures;
  double built, queried, restructured;
  guint n_linked = 0;

  for (guint i = 0; i < 30000; i++)
    g_assert_true (bt_review_add_link (review, (i * 7919) % 10000, i % 15000, BT_ORIGIN_AUTO,
                                       0.5, BT_STATE_SUGGESTED));
  for (guint i = 0; i < 5000; i++)
    g_assert_cmpuint (bt_review_add_omission (review, i * 2, 0, 6, BT_CATEGORY_DETAIL,
                                              BT_SEVERITY_MINOR, NULL, BT_ORIGIN_AUTO, 0.5,
                                              BT_STATE_SUGGESTED), !=, 0);
  bt_review_clear_history (review);
  built = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint p = 0; p < 10000; p++)
    {
      g_autoptr(GByteArray) coverage = bt_review_get_coverage (review, p);
      guint n = 0;
      bt_review_get_paragraph_links (review, p, &n);
      n_linked += n;
    }
  bt_review_get_figures (review, &figures);
  queried = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  g_assert_true (bt_review_split_paragraph (review, 4321, 6));
  g_assert_true (bt_review_undo (review));
  g_assert_true (bt_review_merge_sentences (review, 0) || bt_review_split_sentence (review, 0, 4));
  g_assert_true (bt_review_undo (review));
  restructured = g_timer_elapsed (timer, NULL);

  g_test_message ("10,000 paragraphs, 30,000 links, 5,000 omissions: built in %.3f s, "
                  "every paragraph queried and figures in %.3f s, "
                  "two segmentation corrections undone in %.3f s", built, queried, restructured);
  g_assert_cmpuint (n_linked, ==, 30000);
  g_assert_cmpuint (figures.n_links, ==, 30000);
  g_assert_cmpuint (figures.n_omissions, ==, 5000);
  g_assert_cmpfloat (built, <, 2.0);
  g_assert_cmpfloat (queried, <, 2.0);
  g_assert_cmpfloat (restructured, <, 2.0);
}

/* With the history dropped, edits apply as ever and leave nothing to
 * undo; a group still tells its end once. */
static void
test_drop_history (void)
{
  g_autoptr(BtReview) review = make_review (4, 2, 4);
  g_autoptr(GString) log = g_string_new (NULL);

  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  g_assert_true (bt_review_can_undo (review));
  _bt_review_set_drop_history (review, TRUE);
  g_assert_false (bt_review_can_undo (review));
  g_signal_connect (review, "changed", G_CALLBACK (record_plain_cb), log);

  bt_review_begin_group (review, "Pre-align");
  for (guint s = 1; s < 4; s++)
    g_assert_true (bt_review_add_link (review, s, s, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  g_assert_true (bt_review_add_addition (review, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED));
  g_assert_cmpstr (log->str, ==, "");
  bt_review_end_group (review);
  g_assert_cmpstr (log->str, ==, "changed ");
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 4);
  g_assert_cmpuint (bt_review_get_n_additions (review), ==, 1);
  g_assert_false (bt_review_can_undo (review));
  g_assert_true (bt_review_get_modified (review));
  g_assert_false (bt_review_undo (review));
  g_assert_nonnull (bt_review_find_link (review, 3, 3));

  bt_review_remove_link (review, 3, 3);
  g_assert_cmpstr (log->str, ==, "changed changed ");
  g_assert_false (bt_review_can_undo (review));

  _bt_review_set_drop_history (review, FALSE);
  bt_review_remove_link (review, 2, 2);
  g_assert_true (bt_review_can_undo (review));
  g_assert_true (bt_review_undo (review));
  g_assert_nonnull (bt_review_find_link (review, 2, 2));
  g_assert_null (bt_review_find_link (review, 3, 3));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/names", test_names);
  g_test_add_func ("/review/severity-values", test_severity_values);
  g_test_add_func ("/review/links", test_links);
  g_test_add_func ("/review/decider", test_decider);
  g_test_add_func ("/review/refused", test_refused);
  g_test_add_func ("/review/omissions", test_omissions);
  g_test_add_func ("/review/additions", test_additions);
  g_test_add_func ("/review/status-and-note", test_status_and_note);
  g_test_add_func ("/review/coverage", test_coverage);
  g_test_add_func ("/review/signals", test_signals);
  g_test_add_func ("/review/drop-history", test_drop_history);
  g_test_add_func ("/review/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/review/restore-decisions", test_restore_decisions);
  g_test_add_func ("/review/split-paragraph", test_split_paragraph);
  g_test_add_func ("/review/split-cuts", test_split_cuts);
  g_test_add_func ("/review/merge-cuts", test_merge_cuts);
  g_test_add_func ("/review/merge-paragraphs", test_merge_paragraphs);
  g_test_add_func ("/review/split-and-merge-sentences", test_split_and_merge_sentences);
  g_test_add_func ("/review/random-indices", test_random_indices);
  g_test_add_func ("/review/crowded-paragraph", test_crowded_paragraph);
  g_test_add_func ("/review/large", test_large);

  return g_test_run ();
}
