/* test-window.c: the review window, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bt-application.h"
#include "bt-document.h"
#include "bt-line-row.h"
#include "bt-text.h"
#include "bt-window-private.h"
#include "bt-xliff-reader.h"

/* Helpers */

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_idle (BtWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (bt_window_get_busy (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  iterate (50);
}

/* Runs the main loop until the window has drawn a few frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start;

  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < start + n_frames)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

static BtWindow *
new_window (void)
{
  BtWindow *window = g_object_ref (bt_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (BtWindow *window)
{
  if (window->review != NULL)
    bt_review_mark_saved (window->review);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
}

static BtWindow *
open_sample (void)
{
  BtWindow *window = new_window ();

  bt_window_open_sample (window);
  wait_idle (window);
  g_assert_nonnull (bt_window_get_review (window));
  wait_frames (GTK_WIDGET (window), 3);
  return window;
}

static guint
n_rows (GtkListView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static BtDocument *
load_sample (const char *name,
             BtLanguage  language)
{
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_SAMPLES_DIR"), name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (BtText) text = bt_text_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bt_document_new_from_text (text, language, BT_PARAGRAPH_MODE_AUTO);
}

static void
activate (BtWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  iterate (20);
}

/* A paragraph and a sentence that are not linked. */
static void
find_unlinked (BtReview *review,
               guint    *paragraph,
               guint    *sentence)
{
  guint n_p = bt_document_get_n_paragraphs (bt_review_get_source (review));
  guint n_s = bt_document_get_n_sentences (bt_review_get_target (review));

  for (guint p = 0; p < n_p; p++)
    for (guint s = 0; s < n_s; s++)
      if (bt_review_find_link (review, p, s) == NULL)
        {
          *paragraph = p;
          *sentence = s;
          return;
        }
  g_assert_not_reached ();
}

static guint
count_suggested_links (BtReview *review,
                       guint     paragraph)
{
  const guint *links;
  guint n_links, n = 0;

  links = bt_review_get_paragraph_links (review, paragraph, &n_links);
  for (guint i = 0; i < n_links; i++)
    if (bt_review_get_link (review, links[i])->state == BT_STATE_SUGGESTED)
      n++;
  return n;
}

static guint
first_with_suggestions (BtReview *review,
                        guint     from)
{
  guint n = bt_document_get_n_paragraphs (bt_review_get_source (review));

  for (guint p = from; p < n; p++)
    if (count_suggested_links (review, p) > 0)
      return p;
  return G_MAXUINT;
}

static gboolean
needs_decision (BtReview *review,
                guint     paragraph)
{
  g_autoptr (GArray) omissions = bt_review_list_paragraph_omissions (review, paragraph);

  if (bt_review_get_status (review, paragraph) != BT_STATUS_REVIEWED ||
      count_suggested_links (review, paragraph) > 0)
    return TRUE;
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    if (bt_review_get_omission (review, g_array_index (omissions, guint, i))->state ==
        BT_STATE_SUGGESTED)
      return TRUE;
  return FALSE;
}

static guint
expected_decision (BtReview *review,
                   guint     from,
                   int       step)
{
  guint n = bt_document_get_n_paragraphs (bt_review_get_source (review));

  for (guint i = 1; i <= n; i++)
    {
      guint p = (from + n + step * (int) i) % n;

      if (needs_decision (review, p))
        return p;
    }
  return G_MAXUINT;
}

/* Opening */

static void
test_sample (void)
{
  BtWindow *window = open_sample ();
  g_autoptr (BtDocument) source = load_sample ("sample-zh.txt", BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = load_sample ("sample-en.txt", BT_LANGUAGE_EN);
  BtReview *review = bt_window_get_review (window);
  GtkWidget *row;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "review");
  g_assert_cmpuint (bt_document_get_n_paragraphs (source), >, 5);
  g_assert_cmpuint (n_rows (window->source_view), ==, bt_document_get_n_paragraphs (source));
  g_assert_cmpuint (n_rows (window->target_view), ==, bt_document_get_n_sentences (target));
  g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_source (review)), ==,
                    bt_document_get_n_paragraphs (source));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "sample-zh.txt");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "sample-en.txt");
  g_assert_false (bt_review_get_modified (review));

  /* The rows are really there, and show the texts. */
  row = _bt_window_find_row (window, BT_SIDE_SOURCE, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (bt_line_row_get_label (BT_LINE_ROW (row))), ==,
                   bt_document_get_paragraph (source, 0)->text);
  row = _bt_window_find_row (window, BT_SIDE_TARGET, 0);
  g_assert_nonnull (row);
  {
    g_autofree char *first = bt_document_dup_sentence_text (target, 0);

    g_assert_cmpstr (gtk_label_get_text (bt_line_row_get_label (BT_LINE_ROW (row))), ==, first);
  }
  close_window (window);
}

/* The texts show before the aligner is done; its suggestions follow,
 * unless Cancel stops it. */
static void
test_align_later (void)
{
  for (guint cancel = 0; cancel < 2; cancel++)
    {
      BtWindow *window = new_window ();
      BtReview *review;

      bt_window_open_sample (window);
      while (window->review == NULL)
        g_main_context_iteration (NULL, TRUE);
      review = window->review;
      g_assert_true (bt_window_get_busy (window));
      g_assert_true (gtk_widget_get_visible (window->align_box));
      g_assert_cmpuint (bt_review_get_n_links (review), ==, 0);
      if (cancel)
        g_signal_emit_by_name (window->align_cancel, "clicked");
      wait_idle (window);
      g_assert_false (gtk_widget_get_visible (window->align_box));
      g_assert_true (window->review == review);
      if (cancel)
        g_assert_cmpuint (bt_review_get_n_links (review), ==, 0);
      else
        g_assert_cmpuint (bt_review_get_n_links (review), >, 0);
      g_assert_false (bt_review_get_modified (review));
      g_assert_false (bt_review_can_undo (review));
      close_window (window);
    }
}

static char *
write_temp (const char *name,
            const char *contents,
            gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-gui-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
check_bad_file (const char *name,
                const char *contents,
                gsize       length)
{
  g_autofree char *path = write_temp (name, contents, length);
  g_autofree char *good = g_build_filename (g_getenv ("BITEXT_SAMPLES_DIR"), "sample-en.txt", NULL);
  g_autoptr (GFile) bad = g_file_new_for_path (path);
  g_autoptr (GError) expected = NULL;
  g_autoptr (BtText) text = bt_text_new_from_file (bad, NULL, NULL, &expected);
  GFile *files[2] = { bad, g_file_new_for_path (good) };
  BtWindow *window = new_window ();

  g_assert_null (text);
  g_assert_nonnull (expected);
  bt_window_open_files (window, files, 2);
  wait_idle (window);
  g_assert_null (bt_window_get_review (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  /* The loader's own message comes first; advice may follow. */
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (window->error_page),
                                   expected->message));
  g_assert_nonnull (strstr (expected->message, name));

  g_object_unref (files[1]);
  close_window (window);
  remove_temp (path);
}

static void
test_bad_files (void)
{
  check_bad_file ("binary.txt", "abc\0def\n", 8);
  check_bad_file ("empty.txt", "", 0);
  check_bad_file ("broken.txt", "第一行\n\xff\xfe\xfa oops \x80\n", 15);
}

static void
test_bilingual (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_SHARED_DIR"), "corpus", "seed",
                                            "bilingual.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  BtWindow *window;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the seed corpus (BITEXT_SHARED_DIR/corpus/seed) is not there");
      return;
    }
  window = new_window ();
  bt_window_open_files (window, &file, 1);
  wait_idle (window);
  g_assert_nonnull (bt_window_get_review (window));
  g_assert_cmpuint (n_rows (window->source_view), ==, 22);
  g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_target (window->review)), ==, 27);
  g_assert_cmpuint (n_rows (window->target_view), ==,
                    bt_document_get_n_sentences (bt_review_get_target (window->review)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "bilingual.txt");
  close_window (window);
}

/* A paragraph of a million characters shows its beginning, so that laying
 * it out does not hold the window; links and offsets keep the whole. */
static void
test_long_paragraph (void)
{
  const char *sentence = "西部地区铁路建设今年计划投资三百亿元，新开工项目十二个。";
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *good = g_build_filename (g_getenv ("BITEXT_SAMPLES_DIR"), "sample-en.txt", NULL);
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) target = g_file_new_for_path (good);
  GFile *files[2];
  BtWindow *window;
  GtkWidget *row;
  const char *shown;

  for (guint i = 0; i < 1000000 / g_utf8_strlen (sentence, -1); i++)
    g_string_append (text, sentence);
  g_string_append_c (text, '\n');
  path = write_temp ("long.txt", text->str, text->len);
  source = g_file_new_for_path (path);
  files[0] = source;
  files[1] = target;
  window = new_window ();
  bt_window_open_files (window, files, 2);
  wait_idle (window);
  g_assert_nonnull (bt_window_get_review (window));
  wait_frames (GTK_WIDGET (window), 3);
  row = _bt_window_find_row (window, BT_SIDE_SOURCE, 0);
  g_assert_nonnull (row);
  shown = gtk_label_get_text (bt_line_row_get_label (BT_LINE_ROW (row)));
  g_assert_cmpuint (g_utf8_strlen (shown, -1), <, 100000);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_true (strncmp (shown, text->str, strlen (shown) - strlen ("…")) == 0);
  g_assert_cmpuint (bt_document_get_paragraph (bt_review_get_source (window->review), 0)->n_chars, ==,
                    g_utf8_strlen (text->str, -1) - 1);
  close_window (window);
  remove_temp (path);
}

/* Reviewing */

static void
test_link_undo (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  const BtLink *link;
  GtkWidget *row;
  guint paragraph, sentence;
  g_autofree char *number = NULL;

  find_unlinked (review, &paragraph, &sentence);
  g_assert_false (gtk_widget_is_sensitive (window->undo_button));
  _bt_window_select_paragraph (window, paragraph);
  _bt_window_select_sentence (window, sentence);
  iterate (20);
  activate (window, "win.toggle-link");

  link = bt_review_find_link (review, paragraph, sentence);
  g_assert_nonnull (link);
  g_assert_cmpint (link->state, ==, BT_STATE_ACCEPTED);
  g_assert_cmpint (link->origin, ==, BT_ORIGIN_REVIEWER);
  g_assert_true (bt_review_get_modified (review));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "• "));
  g_assert_true (gtk_widget_is_sensitive (window->undo_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (window->undo_button), "“"));

  /* The sentence now stands out as linked to the selected paragraph. */
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (bt_line_model_is_highlighted (window->target_model, sentence));
  row = _bt_window_find_row (window, BT_SIDE_TARGET, sentence);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "linked"));

  activate (window, "win.undo");
  g_assert_null (bt_review_find_link (review, paragraph, sentence));
  g_assert_false (bt_line_model_is_highlighted (window->target_model, sentence));
  activate (window, "win.redo");
  g_assert_nonnull (bt_review_find_link (review, paragraph, sentence));

  /* L again takes the link away. */
  activate (window, "win.toggle-link");
  g_assert_null (bt_review_find_link (review, paragraph, sentence));
  close_window (window);
}

static void
test_accept_reject (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  guint first = first_with_suggestions (review, 0);
  guint second;
  const guint *links;
  guint n_links;

  if (first == G_MAXUINT)
    {
      g_test_skip ("the aligner suggested no links on the sample");
      close_window (window);
      return;
    }
  _bt_window_select_paragraph (window, first);
  iterate (10);
  activate (window, "win.accept");
  g_assert_cmpuint (count_suggested_links (review, first), ==, 0);
  links = bt_review_get_paragraph_links (review, first, &n_links);
  g_assert_cmpuint (n_links, >, 0);
  for (guint i = 0; i < n_links; i++)
    g_assert_cmpint (bt_review_get_link (review, links[i])->state, ==, BT_STATE_ACCEPTED);

  second = first_with_suggestions (review, first + 1);
  if (second != G_MAXUINT)
    {
      _bt_window_select_paragraph (window, second);
      iterate (10);
      activate (window, "win.reject");
      links = bt_review_get_paragraph_links (review, second, &n_links);
      for (guint i = 0; i < n_links; i++)
        g_assert_cmpint (bt_review_get_link (review, links[i])->state, ==, BT_STATE_REJECTED);
      activate (window, "win.undo");
      g_assert_cmpuint (count_suggested_links (review, second), >, 0);
    }
  close_window (window);
}

static gboolean
has_background (PangoAttrList *attrs,
                guint          start,
                guint          end,
                guint16        red)
{
  g_autoptr (GSList) list = pango_attr_list_get_attributes (attrs);
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_BACKGROUND && attr->start_index == start &&
          attr->end_index == end && ((PangoAttrColor *) attr)->color.red == red)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static void
test_flag (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  guint paragraph = 2;
  const BtParagraph *p = bt_document_get_paragraph (bt_review_get_source (review), paragraph);
  g_autoptr (PangoAttrList) attrs = NULL;
  g_autoptr (GArray) omissions = NULL;
  const BtOmission *o;
  GtkLabel *label;
  GtkWidget *row;
  guint start_byte, end_byte;

  _bt_window_select_paragraph (window, paragraph);
  wait_frames (GTK_WIDGET (window), 2);
  row = _bt_window_find_row (window, BT_SIDE_SOURCE, paragraph);
  g_assert_nonnull (row);
  label = bt_line_row_get_label (BT_LINE_ROW (row));
  g_assert_true (gtk_label_get_selectable (label));
  gtk_label_select_region (label, 3, 9);

  activate (window, "win.flag");
  g_assert_nonnull (window->flag_popover);
  g_assert_true (gtk_widget_get_visible (window->flag_popover));
  gtk_drop_down_set_selected (window->flag_category, BT_CATEGORY_DETAIL);
  gtk_drop_down_set_selected (window->flag_severity, BT_SEVERITY_MAJOR);
  gtk_editable_set_text (GTK_EDITABLE (window->flag_comment), "the date & place");
  activate (window, "win.flag-confirm");
  g_assert_false (gtk_widget_get_visible (window->flag_popover));

  omissions = bt_review_list_paragraph_omissions (review, paragraph);
  g_assert_nonnull (omissions);
  o = NULL;
  for (guint i = 0; i < omissions->len; i++)
    {
      const BtOmission *candidate = bt_review_get_omission (review, g_array_index (omissions, guint, i));

      if (candidate->origin == BT_ORIGIN_REVIEWER)
        o = candidate;
    }
  g_assert_nonnull (o);
  g_assert_cmpuint (o->start, ==, 3);
  g_assert_cmpuint (o->end, ==, 9);
  g_assert_cmpint (o->category, ==, BT_CATEGORY_DETAIL);
  g_assert_cmpint (o->severity, ==, BT_SEVERITY_MAJOR);
  g_assert_cmpstr (o->comment, ==, "the date & place");

  /* The span is painted in the colour of a major omission. */
  attrs = bt_line_row_coverage_attrs (review, paragraph);
  start_byte = g_utf8_offset_to_pointer (p->text, 3) - p->text;
  end_byte = g_utf8_offset_to_pointer (p->text, 9) - p->text;
  g_assert_true (has_background (attrs, start_byte, end_byte, 0xe0 * 257));

  /* Shift+O takes the whole paragraph. */
  activate (window, "win.flag-paragraph");
  g_assert_true (gtk_widget_get_visible (window->flag_popover));
  g_assert_cmpuint (window->flag_start, ==, 0);
  g_assert_cmpuint (window->flag_end, ==, p->n_chars);
  gtk_popover_popdown (GTK_POPOVER (window->flag_popover));

  activate (window, "win.undo");
  g_clear_pointer (&omissions, g_array_unref);
  omissions = bt_review_list_paragraph_omissions (review, paragraph);
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    g_assert_cmpint (bt_review_get_omission (review, g_array_index (omissions, guint, i))->origin,
                     !=, BT_ORIGIN_REVIEWER);
  close_window (window);
}

static void
test_navigation (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);

  _bt_window_select_paragraph (window, 0);
  iterate (10);
  activate (window, "win.mark-reviewed");
  g_assert_cmpint (bt_review_get_status (review, 0), ==, BT_STATUS_REVIEWED);
  g_assert_cmpuint (_bt_window_get_paragraph (window), ==, 1);
  activate (window, "win.mark-reviewed");
  g_assert_cmpint (bt_review_get_status (review, 1), ==, BT_STATUS_REVIEWED);
  g_assert_cmpuint (_bt_window_get_paragraph (window), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (window->status_progress), "2"));

  /* Alt+Page Up and Down stop only where a decision is due. */
  activate (window, "win.previous-decision");
  g_assert_cmpuint (_bt_window_get_paragraph (window), ==, expected_decision (review, 2, -1));
  activate (window, "win.next-decision");
  g_assert_cmpuint (_bt_window_get_paragraph (window), ==,
                    expected_decision (review, expected_decision (review, 2, -1), 1));
  bt_review_decide_paragraph (review, 0, BT_STATE_ACCEPTED);
  bt_review_decide_paragraph (review, 1, BT_STATE_ACCEPTED);
  _bt_window_select_paragraph (window, 2);
  activate (window, "win.previous-decision");
  g_assert_cmpuint (_bt_window_get_paragraph (window), >, 1);
  close_window (window);
}

static void
test_lowest_first (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  guint n = bt_document_get_n_paragraphs (bt_review_get_source (review));
  double lowest = 2;
  guint expected = G_MAXUINT;
  gboolean on = FALSE;

  for (guint p = 0; p < n; p++)
    {
      const guint *links;
      guint n_links;

      links = bt_review_get_paragraph_links (review, p, &n_links);
      for (guint i = 0; i < n_links; i++)
        {
          const BtLink *link = bt_review_get_link (review, links[i]);

          if (link->state == BT_STATE_SUGGESTED && link->confidence < lowest)
            {
              lowest = link->confidence;
              expected = p;
            }
        }
    }
  if (expected == G_MAXUINT)
    {
      g_test_skip ("the aligner suggested no links on the sample");
      close_window (window);
      return;
    }
  activate (window, "win.lowest-first");
  g_object_get (window, "lowest-first", &on, NULL);
  g_assert_true (on);
  activate (window, "win.next-decision");
  /* Omissions may be less sure still; the paragraph reached is never
   * surer than the least sure link. */
  g_assert_cmpuint (_bt_window_get_paragraph (window), !=, GTK_INVALID_LIST_POSITION);
  if (_bt_window_get_paragraph (window) != expected)
    {
      g_autoptr (GArray) omissions = bt_review_list_paragraph_omissions (review, _bt_window_get_paragraph (window));

      g_assert_nonnull (omissions);
      g_assert_cmpuint (omissions->len, >, 0);
    }
  close_window (window);
}

static void
test_gutter (void)
{
  BtWindow *window = open_sample ();
  guint paragraph, sentence;

  find_unlinked (window->review, &paragraph, &sentence);
  bt_review_toggle_link (window->review, 0, 0);
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (bt_link_gutter_get_n_drawn (window->gutter), >, 0);
  close_window (window);
}

static guint
count_suggested (BtReview *review,
                 gboolean  confident)
{
  guint n = 0;

  for (guint i = 0; i < bt_review_get_n_links (review); i++)
    {
      const BtLink *link = bt_review_get_link (review, i);

      if (link->state == BT_STATE_SUGGESTED && (link->confidence >= 0.9) == confident)
        n++;
    }
  return n;
}

static void
test_accept_confident (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  guint confident = count_suggested (review, TRUE);
  guint unsure = count_suggested (review, FALSE);

  if (confident == 0)
    {
      g_test_skip ("the aligner made no confident suggestion on the sample");
      close_window (window);
      return;
    }
  activate (window, "win.accept-confident");
  g_assert_cmpuint (count_suggested (review, TRUE), ==, 0);
  g_assert_cmpuint (count_suggested (review, FALSE), ==, unsure);
  /* One step takes it all back. */
  activate (window, "win.undo");
  g_assert_cmpuint (count_suggested (review, TRUE), ==, confident);
  g_assert_false (bt_review_can_undo (review));
  close_window (window);
}

static void
test_find (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  BtDocument *source = bt_review_get_source (review);
  guint first, second, sentence;
  g_autofree char *text = NULL;

  activate (window, "win.find");
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  g_assert_true (_bt_window_find (window, "兰州", 1));
  first = _bt_window_get_paragraph (window);
  g_assert_nonnull (strstr (bt_document_get_paragraph (source, first)->text, "兰州"));
  g_assert_true (_bt_window_find (window, "兰州", 1));
  second = _bt_window_get_paragraph (window);
  g_assert_cmpuint (second, >, first);
  g_assert_nonnull (strstr (bt_document_get_paragraph (source, second)->text, "兰州"));
  g_assert_true (_bt_window_find (window, "兰州", -1));
  g_assert_cmpuint (_bt_window_get_paragraph (window), ==, first);

  /* Case does not matter, and English sentences are searched too. */
  g_assert_true (_bt_window_find (window, "LANZHOU-CHONGQING", 1));
  sentence = _bt_window_get_sentence (window);
  g_assert_cmpuint (sentence, !=, GTK_INVALID_LIST_POSITION);
  text = bt_document_dup_sentence_text (bt_review_get_target (review), sentence);
  g_assert_nonnull (strstr (text, "Lanzhou-Chongqing"));
  g_assert_false (_bt_window_find (window, "no such words anywhere", 1));
  close_window (window);
}

static void
place_cursor (BtWindow *window,
              BtSide    side,
              guint     index,
              int       at)
{
  GtkWidget *row;

  wait_frames (GTK_WIDGET (window), 2);
  row = _bt_window_find_row (window, side, index);
  g_assert_nonnull (row);
  g_assert_true (gtk_label_get_selectable (bt_line_row_get_label (BT_LINE_ROW (row))));
  gtk_label_select_region (bt_line_row_get_label (BT_LINE_ROW (row)), at, at);
}

static void
test_segmentation (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  BtDocument *source = bt_review_get_source (review);
  BtDocument *target = bt_review_get_target (review);
  guint n_paragraphs = bt_document_get_n_paragraphs (source);
  guint n_sentences = bt_document_get_n_sentences (target);
  g_autofree char *head = g_utf8_substring (bt_document_get_paragraph (source, 2)->text, 0, 5);
  g_autofree char *sentence = NULL;

  _bt_window_select_paragraph (window, 2);
  place_cursor (window, BT_SIDE_SOURCE, 2, 5);
  activate (window, "win.split-paragraph");
  source = bt_review_get_source (review);
  g_assert_cmpuint (bt_document_get_n_paragraphs (source), ==, n_paragraphs + 1);
  g_assert_cmpstr (bt_document_get_paragraph (source, 2)->text, ==, head);
  g_assert_cmpuint (n_rows (window->source_view), ==, n_paragraphs + 1);
  activate (window, "win.undo");
  g_assert_cmpuint (n_rows (window->source_view), ==, n_paragraphs);

  _bt_window_select_paragraph (window, 2);
  iterate (10);
  activate (window, "win.merge-paragraphs");
  g_assert_cmpuint (n_rows (window->source_view), ==, n_paragraphs - 1);
  activate (window, "win.undo");
  g_assert_cmpuint (n_rows (window->source_view), ==, n_paragraphs);

  _bt_window_select_sentence (window, 1);
  place_cursor (window, BT_SIDE_TARGET, 1, 8);
  activate (window, "win.split-sentence");
  g_assert_cmpuint (n_rows (window->target_view), ==, n_sentences + 1);
  sentence = bt_document_dup_sentence_text (bt_review_get_target (review), 1);
  g_assert_cmpuint (g_utf8_strlen (sentence, -1), <=, 8);
  activate (window, "win.undo");
  g_assert_cmpuint (n_rows (window->target_view), ==, n_sentences);
  _bt_window_select_sentence (window, 1);
  iterate (10);
  activate (window, "win.merge-sentences");
  g_assert_cmpuint (n_rows (window->target_view), ==, n_sentences - 1);
  close_window (window);
}

/* Files */

static void
test_save_reopen (void)
{
  BtWindow *window = open_sample ();
  BtReview *review = bt_window_get_review (window);
  g_autofree char *path = write_temp ("review.xlf", "", 0);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (BtReview) saved = NULL;
  g_autoptr (GError) error = NULL;
  BtWindow *second;

  bt_review_toggle_link (review, 1, 0);
  bt_review_add_omission (review, 2, 0, 4, BT_CATEGORY_ATTRIBUTION, BT_SEVERITY_CRITICAL, "<who>",
                          BT_ORIGIN_REVIEWER, 1.0, BT_STATE_ACCEPTED);
  bt_review_set_status (review, 3, BT_STATUS_NEEDS_ATTENTION);
  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  g_assert_false (bt_review_get_modified (review));
  g_assert_true (g_file_equal (bt_window_get_file (window), file));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "review.xlf");

  saved = bt_xliff_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bt_review_equal (saved, review));

  /* Opening the file gives the same review; Ctrl+S writes it back. */
  second = new_window ();
  bt_window_open_files (second, &file, 1);
  wait_idle (second);
  g_assert_nonnull (second->review);
  g_assert_true (bt_review_equal (second->review, review));
  g_assert_true (g_file_equal (bt_window_get_file (second), file));
  bt_review_set_status (second->review, 4, BT_STATUS_REVIEWED);
  activate (second, "win.save");
  wait_idle (second);
  g_assert_false (bt_review_get_modified (second->review));
  g_clear_object (&saved);
  saved = bt_xliff_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bt_review_get_status (saved, 4), ==, BT_STATUS_REVIEWED);

  close_window (second);
  close_window (window);
  remove_temp (path);
}

static gboolean
menu_has_uri (GMenu      *menu,
              const char *uri)
{
  GMenuModel *model = G_MENU_MODEL (menu);

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GVariant) target = g_menu_model_get_item_attribute_value (
        model, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri))
        return TRUE;
    }
  return FALSE;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* An opened review joins the Open Recent Review menu of every window, and
 * its item opens it again. */
static void
test_recent (void)
{
  BtWindow *window = open_sample ();
  g_autofree char *path = write_temp ("recent.xlf", "", 0);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (100, wake_cb, NULL);
  BtWindow *second, *third;

  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  second = new_window ();
  bt_window_open_files (second, &file, 1);
  wait_idle (second);
  while ((!menu_has_uri (window->recent_menu, uri) || !menu_has_uri (second->recent_menu, uri)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_true (menu_has_uri (window->recent_menu, uri));
  g_assert_true (menu_has_uri (second->recent_menu, uri));

  third = new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (third), "win.open-recent", "s", uri));
  wait_idle (third);
  g_assert_nonnull (third->review);
  g_assert_true (g_file_equal (bt_window_get_file (third), file));
  g_assert_true (bt_review_equal (third->review, window->review));

  close_window (third);
  close_window (second);
  close_window (window);
  remove_temp (path);
}

static void
test_unsaved (void)
{
  BtWindow *window = open_sample ();
  g_autofree char *path = write_temp ("unsaved.xlf", "", 0);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (BtReview) saved = NULL;
  g_autoptr (GError) error = NULL;
  BtWindow *weak = window;

  bt_review_set_status (window->review, 0, BT_STATUS_REVIEWED);

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  iterate (10);
  g_assert_nonnull (window->pending_dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->pending_dialog), "cancel");
  iterate (10);
  g_assert_null (window->pending_dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (bt_review_get_modified (window->review));

  /* Save writes the review, then closes. */
  g_set_object (&window->file, file);
  gtk_window_close (GTK_WINDOW (window));
  iterate (10);
  g_assert_nonnull (window->pending_dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->pending_dialog), "save");
  wait_idle (window);
  saved = bt_xliff_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bt_review_get_status (saved, 0), ==, BT_STATUS_REVIEWED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_object_unref (window);
  iterate (50);
  g_assert_null (weak);

  /* Discard closes without writing. */
  window = open_sample ();
  bt_review_set_status (window->review, 1, BT_STATUS_REVIEWED);
  gtk_window_close (GTK_WINDOW (window));
  iterate (10);
  g_assert_nonnull (window->pending_dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->pending_dialog), "discard");
  iterate (10);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_finalize_object (window);
  remove_temp (path);
}

static void
skip_without_display (void)
{
  g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/window/no-display", skip_without_display);
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bt_gui_init ();

  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/align-later", test_align_later);
  g_test_add_func ("/window/bad-files", test_bad_files);
  g_test_add_func ("/window/bilingual", test_bilingual);
  g_test_add_func ("/window/long-paragraph", test_long_paragraph);
  g_test_add_func ("/window/link-undo", test_link_undo);
  g_test_add_func ("/window/accept-reject", test_accept_reject);
  g_test_add_func ("/window/flag", test_flag);
  g_test_add_func ("/window/navigation", test_navigation);
  g_test_add_func ("/window/gutter", test_gutter);
  g_test_add_func ("/window/lowest-first", test_lowest_first);
  g_test_add_func ("/window/accept-confident", test_accept_confident);
  g_test_add_func ("/window/find", test_find);
  g_test_add_func ("/window/segmentation", test_segmentation);
  g_test_add_func ("/window/save-reopen", test_save_reopen);
  g_test_add_func ("/window/unsaved", test_unsaved);
  g_test_add_func ("/window/recent", test_recent);
  return g_test_run ();
}
