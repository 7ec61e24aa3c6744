/* test-undo.c: commands, groups, undo and redo of the review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-document.h"
#include "bt-review-private.h"

#define CLOCK 1700000000

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
            g_string_append (text, (const char *[]) { "他说：“好。”", "新华社电。",
                                                      "GDP 增长12.4%。" }[k % 3]);
          else
            g_string_append_printf (text, "Said %c%c.%s", 'a' + p % 26, 'a' + k % 26,
                                    k + 1 < n_sentences ? " " : "");
          span.end = g_utf8_strlen (text->str, -1);
          g_array_append_val (spans, span);
        }
      g_assert_true (bt_document_append_segmented (document, text->str, 0,
                                                   (const BtSpan *) spans->data, spans->len,
                                                   &error));
      g_assert_no_error (error);
    }
  return document;
}

static BtReview *
make_review (guint n_paragraphs,
             guint n_sentences_each,
             guint n_targets,
             guint n_target_sentences_each)
{
  g_autoptr(BtDocument) source = make_document (BT_LANGUAGE_ZH, n_paragraphs, n_sentences_each);
  g_autoptr(BtDocument) target =
      make_document (BT_LANGUAGE_EN, n_targets, n_target_sentences_each);
  BtReview *review = bt_review_new (source, target);

  _bt_review_set_clock (review, CLOCK);
  bt_review_set_reviewer (review, "Li Wei");
  return review;
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint modified;
} Notified;

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Notified *notified = user_data;

  if (strcmp (pspec->name, "can-undo") == 0)
    notified->can_undo++;
  else if (strcmp (pspec->name, "can-redo") == 0)
    notified->can_redo++;
  else if (strcmp (pspec->name, "modified") == 0)
    notified->modified++;
}

static gboolean
get_boolean (BtReview   *review,
             const char *name)
{
  gboolean value = FALSE;

  g_object_get (review, name, &value, NULL);
  return value;
}

static void
test_properties (void)
{
  g_autoptr(BtReview) review = make_review (2, 1, 2, 1);
  Notified notified = { 0 };

  g_signal_connect (review, "notify", G_CALLBACK (notified_cb), &notified);
  g_assert_false (get_boolean (review, "can-undo"));
  g_assert_false (get_boolean (review, "can-redo"));
  g_assert_false (get_boolean (review, "modified"));
  g_assert_null (bt_review_get_undo_label (review));
  g_assert_false (bt_review_undo (review));
  g_assert_false (bt_review_redo (review));

  bt_review_add_link (review, 0, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  g_assert_true (get_boolean (review, "can-undo"));
  g_assert_true (get_boolean (review, "modified"));
  g_assert_cmpuint (notified.can_undo, ==, 1);
  g_assert_cmpuint (notified.modified, ==, 1);
  g_assert_cmpuint (notified.can_redo, ==, 0);
  g_assert_cmpstr (bt_review_get_undo_label (review), ==, "Add Link");

  /* a second step changes none of the three */
  bt_review_add_link (review, 1, 1, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  g_assert_cmpuint (notified.can_undo + notified.modified + notified.can_redo, ==, 2);

  bt_review_mark_saved (review);
  g_assert_false (get_boolean (review, "modified"));
  g_assert_cmpuint (notified.modified, ==, 2);

  g_assert_true (bt_review_undo (review));
  g_assert_true (get_boolean (review, "modified"));
  g_assert_true (get_boolean (review, "can-redo"));
  g_assert_cmpstr (bt_review_get_redo_label (review), ==, "Add Link");
  g_assert_cmpuint (notified.can_redo, ==, 1);
  g_assert_true (bt_review_redo (review));
  g_assert_false (get_boolean (review, "modified"));
  g_assert_false (get_boolean (review, "can-redo"));
  g_assert_cmpuint (notified.modified, ==, 4);
  g_assert_cmpuint (notified.can_redo, ==, 2);

  /* once the saved state is replaced, no undo reaches it */
  g_assert_true (bt_review_undo (review));
  g_assert_true (bt_review_set_status (review, 1, BT_STATUS_REVIEWED));
  g_assert_false (bt_review_can_redo (review));
  g_assert_true (bt_review_get_modified (review));
  g_assert_true (bt_review_undo (review));
  g_assert_true (bt_review_get_modified (review));
  g_assert_true (bt_review_redo (review));
  g_assert_true (bt_review_get_modified (review));

  bt_review_clear_history (review);
  g_assert_false (bt_review_can_undo (review));
  g_assert_true (bt_review_get_modified (review));
  bt_review_mark_saved (review);
  bt_review_clear_history (review);
  g_assert_false (bt_review_get_modified (review));
}

typedef struct
{
  const char *expected_label;
  gboolean  (*edit) (BtReview *review);
} LabelCase;

static gboolean
edit_add_link (BtReview *r)
{
  return bt_review_add_link (r, 1, 1, 0, 0.5, 0);
}

static gboolean
edit_remove_link (BtReview *r)
{
  return bt_review_remove_link (r, 0, 0);
}

static gboolean
edit_toggle_on (BtReview *r)
{
  return bt_review_toggle_link (r, 1, 0);
}

static gboolean
edit_toggle_off (BtReview *r)
{
  return bt_review_toggle_link (r, 0, 0);
}

static gboolean
edit_accept_link (BtReview *r)
{
  return bt_review_set_link_state (r, 0, 0, 1);
}

static gboolean
edit_reject_link (BtReview *r)
{
  return bt_review_set_link_state (r, 0, 0, 2);
}

static gboolean
edit_add_omission (BtReview *r)
{
  return bt_review_add_omission (r, 1, 0, 2, 0, 0, NULL, 0, 1, 0) != 0;
}

static gboolean
edit_remove_omission (BtReview *r)
{
  return bt_review_remove_omission (r, 1);
}

static gboolean
edit_update_omission (BtReview *r)
{
  return bt_review_update_omission (r, 1, BT_CATEGORY_DETAIL, BT_SEVERITY_CRITICAL, "c");
}

static gboolean
edit_accept_omission (BtReview *r)
{
  return bt_review_set_omission_state (r, 1, 1);
}

static gboolean
edit_add_addition (BtReview *r)
{
  return bt_review_add_addition (r, 1, 0, 1, 0);
}

static gboolean
edit_status (BtReview *r)
{
  return bt_review_set_status (r, 0, 2);
}

static gboolean
edit_note (BtReview *r)
{
  return bt_review_set_note (r, 0, "note");
}

static gboolean
edit_threshold (BtReview *r)
{
  return bt_review_set_threshold (r, 10);
}

static gboolean
edit_decide (BtReview *r)
{
  return bt_review_decide_paragraph (r, 0, 1);
}

static gboolean
edit_reject_all (BtReview *r)
{
  return bt_review_decide_paragraph (r, 0, 2);
}

static gboolean
edit_split (BtReview *r)
{
  return bt_review_split_paragraph (r, 0, 3);
}

static gboolean
edit_merge (BtReview *r)
{
  return bt_review_merge_paragraphs (r, 0);
}

static gboolean
edit_split_sentence (BtReview *r)
{
  return bt_review_split_sentence (r, 0, 2);
}

static gboolean
edit_merge_sentences (BtReview *r)
{
  return bt_review_merge_sentences (r, 0);
}


static const LabelCase label_cases[] = {
  { "Add Link", edit_add_link },
  { "Remove Link", edit_remove_link },
  { "Add Link", edit_toggle_on },
  { "Remove Link", edit_toggle_off },
  { "Accept Link", edit_accept_link },
  { "Reject Link", edit_reject_link },
  { "Add Omission", edit_add_omission },
  { "Remove Omission", edit_remove_omission },
  { "Edit Omission", edit_update_omission },
  { "Accept Omission", edit_accept_omission },
  { "Mark Addition", edit_add_addition },
  { "Set Status", edit_status },
  { "Edit Note", edit_note },
  { "Set Threshold", edit_threshold },
  { "Accept Paragraph", edit_decide },
  { "Reject Paragraph", edit_reject_all },
  { "Split Paragraph", edit_split },
  { "Merge Paragraphs", edit_merge },
  { "Split Sentence", edit_split_sentence },
  { "Merge Sentences", edit_merge_sentences },
};

/* Each edit is one step with its label, and undo and redo restore the
 * review before and after it. */
static void
test_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      g_autoptr(BtReview) review = make_review (2, 2, 2, 2);
      g_autoptr(BtReview) before = NULL;
      g_autoptr(BtReview) after = NULL;

      g_test_message ("%s", label_cases[i].expected_label);
      bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
      bt_review_add_omission (review, 0, 1, 4, 0, 0, NULL, BT_ORIGIN_AUTO, 0.5, 0);
      bt_review_clear_history (review);
      before = bt_review_copy (review);

      _bt_review_set_clock (review, CLOCK + 1);
      g_assert_true (label_cases[i].edit (review));
      g_assert_cmpstr (bt_review_get_undo_label (review), ==, label_cases[i].expected_label);
      g_assert_false (bt_review_equal (review, before));
      after = bt_review_copy (review);

      g_assert_true (bt_review_undo (review));
      g_assert_false (bt_review_can_undo (review));
      g_assert_true (bt_review_equal (review, before));
      g_assert_cmpstr (bt_review_get_redo_label (review), ==, label_cases[i].expected_label);
      g_assert_true (bt_review_redo (review));
      g_assert_true (bt_review_equal (review, after));
    }
}

static void
count_cb (BtReview *review,
          gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_groups (void)
{
  g_autoptr(BtReview) review = make_review (3, 1, 3, 1);
  g_autoptr(BtReview) start = bt_review_copy (review);
  guint changed = 0;

  g_signal_connect (review, "changed", G_CALLBACK (count_cb), &changed);

  bt_review_begin_group (review, "Nothing");
  bt_review_end_group (review);
  g_assert_false (bt_review_can_undo (review));
  g_assert_cmpuint (changed, ==, 0);

  bt_review_begin_group (review, "Outer");
  bt_review_add_link (review, 0, 0, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  bt_review_begin_group (review, "Inner");
  bt_review_add_link (review, 1, 1, BT_ORIGIN_REVIEWER, 1, BT_STATE_ACCEPTED);
  bt_review_set_status (review, 1, BT_STATUS_REVIEWED);
  bt_review_end_group (review);
  g_assert_false (bt_review_can_undo (review));
  bt_review_split_paragraph (review, 2, 2);
  bt_review_end_group (review);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (bt_review_get_undo_label (review), ==, "Outer");
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 2);
  g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_source (review)), ==, 4);

  g_assert_true (bt_review_undo (review));
  g_assert_false (bt_review_can_undo (review));
  g_assert_true (bt_review_equal (review, start));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (bt_review_redo (review));
  g_assert_cmpuint (bt_review_get_n_links (review), ==, 2);
  g_assert_cmpint (bt_review_get_status (review, 1), ==, BT_STATUS_REVIEWED);
}

static void
test_decide_paragraph (void)
{
  g_autoptr(BtReview) review = make_review (2, 2, 3, 1);
  guint id, other;

  bt_review_add_link (review, 0, 0, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 0, 2, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  bt_review_add_link (review, 0, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_REJECTED);
  bt_review_add_link (review, 1, 1, BT_ORIGIN_AUTO, 0.5, BT_STATE_SUGGESTED);
  id = bt_review_add_omission (review, 0, 0, 3, 0, 0, NULL, BT_ORIGIN_AUTO, 0.5, 0);
  other = bt_review_add_omission (review, 1, 0, 3, 0, 0, NULL, BT_ORIGIN_AUTO, 0.5, 0);
  bt_review_clear_history (review);

  _bt_review_set_clock (review, CLOCK + 5);
  g_assert_true (bt_review_decide_paragraph (review, 0, BT_STATE_ACCEPTED));
  g_assert_cmpint (bt_review_find_link (review, 0, 0)->state, ==, BT_STATE_ACCEPTED);
  g_assert_cmpint (bt_review_find_link (review, 0, 2)->state, ==, BT_STATE_ACCEPTED);
  g_assert_cmpint (bt_review_find_link (review, 0, 2)->decision.at, ==, CLOCK + 5);
  g_assert_cmpint (bt_review_find_link (review, 0, 1)->state, ==, BT_STATE_REJECTED);
  g_assert_cmpint (bt_review_find_link (review, 1, 1)->state, ==, BT_STATE_SUGGESTED);
  g_assert_cmpint (bt_review_find_omission (review, id)->state, ==, BT_STATE_ACCEPTED);
  g_assert_cmpint (bt_review_find_omission (review, other)->state, ==, BT_STATE_SUGGESTED);
  g_assert_false (bt_review_decide_paragraph (review, 0, BT_STATE_ACCEPTED));

  g_assert_true (bt_review_undo (review));
  g_assert_false (bt_review_can_undo (review));
  g_assert_cmpint (bt_review_find_link (review, 0, 0)->state, ==, BT_STATE_SUGGESTED);
  g_assert_null (bt_review_find_link (review, 0, 0)->decision.by);
  g_assert_cmpint (bt_review_find_omission (review, id)->state, ==, BT_STATE_SUGGESTED);
}

/* Random edits */

static const char *const texts[] = {
  "", "ok", "& < > \" ' ]]>", "e\xcc\x81 combining", "😀 emoji", "𠀀𠀁 Ext B",
  "\xe2\x80\x8f" "bidi" "\xe2\x80\x8e", "line\nbreak", "再次核实数字。",
};

static guint
rand_below (guint n)
{
  return n > 0 ? (guint) g_test_rand_int_range (0, n) : 0;
}

static guint
n_paragraphs (BtReview *review)
{
  return bt_document_get_n_paragraphs (bt_review_get_source (review));
}

static guint
n_sentences (BtReview *review)
{
  return bt_document_get_n_sentences (bt_review_get_target (review));
}

static guint
random_omission_id (BtReview *review)
{
  guint n = bt_review_get_n_omissions (review);

  return n > 0 ? bt_review_get_omission (review, rand_below (n))->id : 999999;
}

static gboolean
random_omission (BtReview *review)
{
  guint p = rand_below (n_paragraphs (review));
  guint n_chars = bt_document_get_paragraph (bt_review_get_source (review), p)->n_chars;
  guint start = rand_below (n_chars);
  guint end = start + 1 + rand_below (n_chars - start);

  return bt_review_add_omission (review, p, start, end, rand_below (BT_N_CATEGORIES),
                                 rand_below (BT_N_SEVERITIES),
                                 texts[rand_below (G_N_ELEMENTS (texts))], rand_below (2),
                                 g_test_rand_double_range (0, 1), rand_below (3)) != 0;
}

static gboolean
random_split_paragraph (BtReview *review)
{
  guint p = rand_below (n_paragraphs (review));
  guint n_chars = bt_document_get_paragraph (bt_review_get_source (review), p)->n_chars;

  return bt_review_split_paragraph (review, p, 1 + rand_below (n_chars));
}

static gboolean
random_split_sentence (BtReview *review)
{
  guint s = rand_below (n_sentences (review));
  const BtSentence *sentence = bt_document_get_sentence (bt_review_get_target (review), s);

  return bt_review_split_sentence (review, s, sentence->start + rand_below (sentence->end
                                                                           - sentence->start));
}

static gboolean random_edit (BtReview *review);

static gboolean
random_group (BtReview *review)
{
  gboolean any = FALSE;

  bt_review_begin_group (review, "Random Group");
  for (guint i = 0, n = 1 + rand_below (3); i < n; i++)
    any |= random_edit (review);
  bt_review_end_group (review);
  return any;
}

static gboolean
random_edit (BtReview *review)
{
  guint p = rand_below (n_paragraphs (review));
  guint s = rand_below (n_sentences (review));

  switch (rand_below (20))
    {
    case 0:
    case 1:
      return bt_review_add_link (review, p, s, rand_below (2), g_test_rand_double_range (0, 1),
                                 rand_below (3));
    case 2:
      return bt_review_remove_link (review, p, s);
    case 3:
      return bt_review_toggle_link (review, p, s);
    case 4:
      if (bt_review_get_n_links (review) == 0)
        return FALSE;
      {
        const BtLink *link = bt_review_get_link (review, rand_below (bt_review_get_n_links (review)));
        return bt_review_set_link_state (review, link->paragraph, link->sentence, rand_below (3));
      }
    case 5:
      return random_omission (review);
    case 6:
      return bt_review_remove_omission (review, random_omission_id (review));
    case 7:
      return bt_review_update_omission (review, random_omission_id (review),
                                        rand_below (BT_N_CATEGORIES), rand_below (BT_N_SEVERITIES),
                                        texts[rand_below (G_N_ELEMENTS (texts))]);
    case 8:
      return bt_review_set_omission_state (review, random_omission_id (review), rand_below (3));
    case 9:
      return bt_review_add_addition (review, s, rand_below (2), 0.5, rand_below (3));
    case 10:
      return rand_below (2) ? bt_review_remove_addition (review, s)
                            : bt_review_set_addition_state (review, s, rand_below (3));
    case 11:
      return bt_review_set_status (review, p, rand_below (3));
    case 12:
      return bt_review_set_note (review, p, texts[rand_below (G_N_ELEMENTS (texts))]);
    case 13:
      return bt_review_set_threshold (review, rand_below (20) / 2.0);
    case 14:
      return bt_review_decide_paragraph (review, p, 1 + rand_below (2));
    case 15:
      return random_split_paragraph (review);
    case 16:
      return bt_review_merge_paragraphs (review, p);
    case 17:
      return random_split_sentence (review);
    case 18:
      return bt_review_merge_sentences (review, s);
    default:
      return random_group (review);
    }
}

/* Ids are not part of bt_review_equal; undo must bring them back too. */
static void
assert_same_ids (BtReview *a,
                 BtReview *b)
{
  g_assert_cmpuint (bt_review_get_n_omissions (a), ==, bt_review_get_n_omissions (b));
  for (guint i = 0; i < bt_review_get_n_omissions (a); i++)
    {
      const BtOmission *x = bt_review_get_omission (a, i);
      const BtOmission *y = bt_review_find_omission (b, x->id);
      g_assert_nonnull (y);
      g_assert_cmpuint (x->paragraph, ==, y->paragraph);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
    }
}

static void
test_random_sequences (void)
{
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(BtReview) review = make_review (6, 3, 4, 2);
      g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_steps = 0;
      gboolean had_redo;

      g_ptr_array_add (states, bt_review_copy (review));
      for (guint step = 0; step < 300; step++)
        {
          _bt_review_set_clock (review, CLOCK + step);
          if (rand_below (10) == 0 && bt_review_undo (review))
            g_ptr_array_remove_index (states, states->len - 1);
          else if (random_edit (review))
            {
              g_ptr_array_add (states, bt_review_copy (review));
              n_steps++;
            }
          g_assert_true (bt_review_equal (review, g_ptr_array_index (states, states->len - 1)));
        }
      g_test_message ("round %u: %u steps, %u paragraphs, %u sentences, %u links, %u omissions",
                      round, n_steps, n_paragraphs (review), n_sentences (review),
                      bt_review_get_n_links (review), bt_review_get_n_omissions (review));
      /* About 160 to 200 of the 300 tries change something; far fewer
       * means the random edits stopped exercising the model. */
      g_assert_cmpuint (n_steps, >, 120);

      had_redo = bt_review_can_redo (review);
      for (guint depth = states->len - 1; depth > 0; depth--)
        {
          g_assert_true (bt_review_undo (review));
          g_assert_true (bt_review_equal (review, g_ptr_array_index (states, depth - 1)));
          assert_same_ids (review, g_ptr_array_index (states, depth - 1));
        }
      g_assert_false (bt_review_undo (review));
      for (guint depth = 1; depth < states->len; depth++)
        {
          g_assert_true (bt_review_redo (review));
          g_assert_true (bt_review_equal (review, g_ptr_array_index (states, depth)));
          assert_same_ids (review, g_ptr_array_index (states, depth));
        }
      g_assert_cmpint (bt_review_can_redo (review), ==, had_redo);
    }
}

/* Signals: every paragraph and sentence whose annotations change is named,
 * so views can refresh rows; corrections say the structure changed. */

typedef struct
{
  GHashTable *paragraphs;
  GHashTable *sentences;
  gboolean    structure;
  guint       changed;
} Heard;

static void
heard_paragraph_cb (BtReview *review,
                    guint     paragraph,
                    Heard    *heard)
{
  g_hash_table_add (heard->paragraphs, GUINT_TO_POINTER (paragraph));
}

static void
heard_sentence_cb (BtReview *review,
                   guint     sentence,
                   Heard    *heard)
{
  g_hash_table_add (heard->sentences, GUINT_TO_POINTER (sentence));
}

static void
heard_structure_cb (BtReview *review,
                    Heard    *heard)
{
  heard->structure = TRUE;
}

static void
heard_changed_cb (BtReview *review,
                  Heard    *heard)
{
  heard->changed++;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
join_sorted (GPtrArray *parts)
{
  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("|", (char **) parts->pdata);
}

static char *
paragraph_fingerprint (BtReview *review,
                       guint     paragraph)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;
  const guint *items = bt_review_get_paragraph_links (review, paragraph, &n);

  for (guint i = 0; i < n; i++)
    {
      const BtLink *link = bt_review_get_link (review, items[i]);
      g_ptr_array_add (parts, g_strdup_printf ("l%u %d %d %g %" G_GINT64_FORMAT, link->sentence,
                                               link->state, link->origin, link->confidence,
                                               link->decision.at));
    }
  for (guint i = 0; i < bt_review_get_n_omissions (review); i++)
    {
      const BtOmission *o = bt_review_get_omission (review, i);
      if (o->paragraph == paragraph)
        g_ptr_array_add (parts, g_strdup_printf ("o%u %u %u %d %d %d %s", o->id, o->start, o->end,
                                                 o->category, o->severity, o->state, o->comment));
    }
  g_ptr_array_add (parts, g_strdup_printf ("s%d n%s", bt_review_get_status (review, paragraph),
                                           bt_review_get_note (review, paragraph)));
  return join_sorted (parts);
}

static char *
sentence_fingerprint (BtReview *review,
                      guint     sentence)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const BtAddition *addition = bt_review_find_addition (review, sentence);
  guint n = 0;
  const guint *items = bt_review_get_sentence_links (review, sentence, &n);

  for (guint i = 0; i < n; i++)
    {
      const BtLink *link = bt_review_get_link (review, items[i]);
      g_ptr_array_add (parts, g_strdup_printf ("l%u %d", link->paragraph, link->state));
    }
  if (addition != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("a%d", addition->state));
  return join_sorted (parts);
}

static GStrv
fingerprints (BtReview *review,
              gboolean  of_paragraphs)
{
  guint n = of_paragraphs ? n_paragraphs (review) : n_sentences (review);
  GStrv all = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    all[i] = of_paragraphs ? paragraph_fingerprint (review, i) : sentence_fingerprint (review, i);
  return all;
}

static void
assert_heard (GStrv       before,
              GStrv       after,
              GHashTable *heard)
{
  for (guint i = 0; before[i] != NULL; i++)
    if (strcmp (before[i], after[i]) != 0)
      g_assert_true (g_hash_table_contains (heard, GUINT_TO_POINTER (i)));
}

static void
test_random_signals (void)
{
  g_autoptr(BtReview) review = make_review (5, 2, 4, 2);
  Heard heard = { g_hash_table_new (NULL, NULL), g_hash_table_new (NULL, NULL), FALSE, 0 };
  guint n_checked = 0;

  g_signal_connect (review, "paragraph-changed", G_CALLBACK (heard_paragraph_cb), &heard);
  g_signal_connect (review, "sentence-changed", G_CALLBACK (heard_sentence_cb), &heard);
  g_signal_connect (review, "structure-changed", G_CALLBACK (heard_structure_cb), &heard);
  g_signal_connect (review, "changed", G_CALLBACK (heard_changed_cb), &heard);

  for (guint step = 0; step < 1000; step++)
    {
      g_auto(GStrv) paragraphs = fingerprints (review, TRUE);
      g_auto(GStrv) sentences = fingerprints (review, FALSE);
      g_auto(GStrv) paragraphs_after = NULL;
      g_auto(GStrv) sentences_after = NULL;
      gboolean done;

      g_hash_table_remove_all (heard.paragraphs);
      g_hash_table_remove_all (heard.sentences);
      heard.structure = FALSE;
      heard.changed = 0;
      _bt_review_set_clock (review, CLOCK + step);
      if (rand_below (4) == 0)
        done = rand_below (2) ? bt_review_undo (review) : bt_review_redo (review);
      else
        done = random_edit (review);

      g_assert_cmpuint (heard.changed, ==, done ? 1 : 0);
      if (!done || heard.structure)
        continue;
      paragraphs_after = fingerprints (review, TRUE);
      sentences_after = fingerprints (review, FALSE);
      assert_heard (paragraphs, paragraphs_after, heard.paragraphs);
      assert_heard (sentences, sentences_after, heard.sentences);
      n_checked++;
    }
  g_test_message ("%u steps checked", n_checked);
  g_assert_cmpuint (n_checked, >, 300);
  g_hash_table_unref (heard.paragraphs);
  g_hash_table_unref (heard.sentences);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/properties", test_properties);
  g_test_add_func ("/undo/labels", test_labels);
  g_test_add_func ("/undo/groups", test_groups);
  g_test_add_func ("/undo/decide-paragraph", test_decide_paragraph);
  g_test_add_func ("/undo/random-sequences", test_random_sequences);
  g_test_add_func ("/undo/random-signals", test_random_signals);

  return g_test_run ();
}
