/* test-errors.c: failures the window meets say what to do and keep the
 * review as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bt-application.h"
#include "bt-error.h"
#include "bt-window-errors.h"
#include "bt-window-private.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_idle (BtWindow *window)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (bt_window_get_busy (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bt_window_get_busy (window));
  iterate (50);
}

static BtWindow *
open_sample (void)
{
  BtWindow *window = g_object_ref (bt_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  bt_window_open_sample (window);
  wait_idle (window);
  g_assert_nonnull (window->review);
  return window;
}

static void
close_window (BtWindow *window)
{
  bt_review_mark_saved (window->review);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
}

/* The message dialog over @window, or NULL. */
static AdwMessageDialog *
find_dialog (BtWindow *window)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window) &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (20);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-errors-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.xlf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (BtReview) saved = NULL;
  g_autofree char *contents = NULL;
  BtWindow *window = open_sample ();
  AdwMessageDialog *dialog;

  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  g_assert_null (find_dialog (window));
  g_assert_false (bt_review_get_modified (window->review));

  /* Another program rewrites the file while the review is changed. */
  g_assert_true (bt_review_set_status (window->review, 0, BT_STATUS_REVIEWED));
  g_usleep (10000);
  g_assert_true (g_file_set_contents (path, "edited elsewhere\n", -1, NULL));

  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "review.xlf"));
  answer (dialog, "cancel");
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "edited elsewhere\n");
  g_assert_true (bt_review_get_modified (window->review));

  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  answer (find_dialog (window), "save");
  wait_idle (window);
  saved = bt_xliff_read_file (path, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_true (bt_review_equal (saved, window->review));
  g_assert_false (bt_review_get_modified (window->review));

  /* The window's own saves are not changes made elsewhere. */
  g_assert_true (bt_review_set_status (window->review, 1, BT_STATUS_REVIEWED));
  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  g_assert_null (find_dialog (window));
  g_assert_false (bt_review_get_modified (window->review));

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_fails (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent-bitext-folder/review.xlf");
  BtWindow *window = open_sample ();
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (bt_review_set_status (window->review, 0, BT_STATUS_REVIEWED));
  _bt_window_save_to (window, file, FALSE);
  wait_idle (window);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "/nonexistent-bitext-folder/review.xlf"));
  g_assert_nonnull (strstr (body, "Save As"));
  answer (dialog, "close");
  g_assert_true (bt_review_get_modified (window->review));
  g_assert_cmpint (bt_review_get_status (window->review, 0), ==, BT_STATUS_REVIEWED);
  g_assert_false (window->file != NULL && g_file_equal (window->file, file));
  close_window (window);
}

static void
test_explain (void)
{
  struct
  {
    GQuark      domain;
    int         code;
    BtTask      task;
    const char *path;
    const char *advice;
  } cases[] = {
    { BT_ERROR, BT_ERROR_ENCODING, BT_TASK_OPEN, NULL, "UTF-8" },
    { BT_ERROR, BT_ERROR_BINARY, BT_TASK_OPEN, NULL, "plain text" },
    { BT_ERROR, BT_ERROR_TOO_LARGE, BT_TASK_OPEN, NULL, "Split" },
    { G_IO_ERROR, G_IO_ERROR_NOT_FOUND, BT_TASK_OPEN, "/nonexistent-bitext-folder/a.xlf", "Open" },
    { G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, BT_TASK_OPEN, NULL, "access" },
    { BT_ERROR, BT_ERROR_IO, BT_TASK_SAVE, "/nonexistent-bitext-folder/a.xlf", "folder is gone" },
    { BT_ERROR, BT_ERROR_XML, BT_TASK_DICTIONARY, NULL, "Preferences" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = g_error_new (cases[i].domain, cases[i].code, "what happened %u", i);
      g_autoptr (GFile) file = cases[i].path != NULL ? g_file_new_for_path (cases[i].path) : NULL;
      g_autofree char *text = bt_error_explain (error, cases[i].task, file);
      g_autofree char *what = g_strdup_printf ("what happened %u\n\n", i);

      g_assert_true (g_str_has_prefix (text, what));
      if (strstr (text, cases[i].advice) == NULL)
        g_error ("case %u: %s lacks %s", i, g_strescape (text, NULL), cases[i].advice);
    }
}

/* A source long enough that opening it takes seconds. */
static char *
write_large_source (const char *dir)
{
  char *path = g_build_filename (dir, "large-zh.txt", NULL);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint p = 0; p < 300000; p++)
    g_string_append_printf (text, "第%u段：西部地区铁路建设今年计划投资%u亿元，新开工项目%u个。"
                            "专家认为，建设成本高。\n\n", p + 1, 300 + p % 97, 10 + p % 13);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static gboolean
wait_visible (BtWindow  *window,
              GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && bt_window_get_busy (window) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return gtk_widget_get_mapped (widget);
}

/* A cancelled opening leaves the window on the sample it showed. */
static void
assert_sample_kept (BtWindow   *window,
                    BtReview   *before,
                    const char *title)
{
  g_assert_false (gtk_widget_get_visible (window->load_box));
  g_assert_true (window->review == before);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "review");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_null (window->file);
  g_assert_true (window->showing_sample);
}

static void
test_cancel_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-errors-XXXXXX", NULL);
  g_autofree char *source = write_large_source (dir);
  g_autofree char *target = g_build_filename (dir, "large-en.txt", NULL);
  g_autofree char *title = NULL;
  GFile *files[2];
  BtWindow *window = open_sample ();
  BtReview *before = window->review;
  gint64 cancelled;

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_file_set_contents (target, "Railways in the west.\n", -1, NULL));
  files[0] = g_file_new_for_path (source);
  files[1] = g_file_new_for_path (target);
  bt_window_open_files (window, files, 2);
  g_assert_true (bt_window_get_busy (window));

  /* The bar shows while the window keeps answering its main loop. */
  g_assert_true (wait_visible (window, window->load_box));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->load_progress)));
  g_assert_true (bt_window_get_busy (window));
  g_assert_true (window->review == before);

  cancelled = g_get_monotonic_time ();
  /* Clicked at once: activating a button clicks it a quarter second
   * later, when a fast opening may have ended. */
  g_signal_emit_by_name (window->load_cancel, "clicked");
  while (bt_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - cancelled, <, 2 * G_USEC_PER_SEC);
  iterate (20);

  assert_sample_kept (window, before, title);
  close_window (window);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_unlink (source);
  g_unlink (target);
  g_rmdir (dir);
}

/* A saved review large enough that opening it takes most of a second. */
static char *
write_large_review (const char *dir)
{
  char *path = g_build_filename (dir, "large.xlf", NULL);
  const char *zh = "国务院总理今天在北京会见了来访的代表团，双方就经济合作交换了意见。会谈气氛友好。";
  const char *en = "The premier met the visiting delegation in Beijing today. Both sides discussed economic cooperation.";
  BtSpan zh_spans[] = { { 0, 33 }, { 33, 40 } };
  BtSpan en_spans[] = { { 0, 58 }, { 58, 100 } };
  g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr (BtReview) review = NULL;
  guint n = 28000;

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (bt_document_append_segmented (source, zh, 0, zh_spans, 2, NULL));
      g_assert_true (bt_document_append_segmented (target, en, 0, en_spans, 2, NULL));
    }
  review = bt_review_new (source, target);
  for (guint i = 0; i < n; i++)
    {
      bt_review_add_link (review, i, 2 * i, BT_ORIGIN_AUTO, 0.9, BT_STATE_SUGGESTED);
      bt_review_add_link (review, i, 2 * i + 1, BT_ORIGIN_AUTO, 0.8, BT_STATE_ACCEPTED);
      if (i % 2 == 0)
        bt_review_add_omission (review, i, 12, 33, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR,
                                "place & time", BT_ORIGIN_AUTO, 0.7, BT_STATE_SUGGESTED);
    }
  g_assert_true (bt_xliff_write_file (review, path, NULL));
  return path;
}

/* Runs the main loop until the bar shows some progress, or the opening
 * ends. */
static gboolean
wait_progress (BtWindow *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_progress_bar_get_fraction (window->load_progress) == 0 && bt_window_get_busy (window) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return gtk_progress_bar_get_fraction (window->load_progress) > 0;
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      iterate (10);
      g_usleep (5000);
    }
}

/* Cancelling the opening of a large review keeps the one shown, and
 * stops the reading rather than leaving it to finish unseen. */
static void
test_cancel_open_review (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-errors-XXXXXX", NULL);
  g_autofree char *path = write_large_review (dir);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (BtLoadProgress) progress = NULL;
  g_autofree char *title = NULL;
  BtWindow *window = open_sample ();
  BtReview *before = window->review;
  double fraction;
  double stopped;
  gint64 cancelled;

  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  bt_window_open_files (window, &file, 1);
  progress = bt_load_progress_ref (window->load_state);

  /* The bar tells how much of the one file has been read. */
  g_assert_true (wait_visible (window, window->load_box));
  g_assert_true (wait_progress (window));
  fraction = gtk_progress_bar_get_fraction (window->load_progress);
  g_assert_cmpfloat (fraction, <, 1);
  g_assert_true (bt_window_get_busy (window));

  cancelled = g_get_monotonic_time ();
  g_signal_emit_by_name (window->load_cancel, "clicked");
  while (bt_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - cancelled, <, G_USEC_PER_SEC);

  /* The thread reports every piece it reads; once it has seen the
   * cancellation, no more come. */
  run_for (50);
  stopped = bt_load_progress_get (progress);
  run_for (400);
  g_assert_cmpfloat (bt_load_progress_get (progress), ==, stopped);
  g_assert_cmpfloat (stopped, <, 1);

  assert_sample_kept (window, before, title);
  close_window (window);

  g_unlink (path);
  g_rmdir (dir);
}

/* A label under @widget whose text holds @needle, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, needle);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Suggestions go on without a dictionary that cannot be read, and a toast
 * says which file failed and what to do. */
static void
test_dictionary_missing (void)
{
  const char *path = "/nonexistent-bitext-folder/cedict_ts.u8";
  BtWindow *window;
  GtkLabel *label;

  g_setenv ("BITEXT_DICTIONARY", path, TRUE);
  window = open_sample ();
  g_assert_cmpuint (bt_review_get_n_links (window->review), >, 0);
  label = find_label (GTK_WIDGET (window->toast_overlay), "Preferences");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "cedict_ts.u8"));
  close_window (window);
  g_unsetenv ("BITEXT_DICTIONARY");
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
      g_test_add_func ("/errors/no-display", skip_without_display);
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bt_gui_init ();

  g_test_add_func ("/errors/explain", test_explain);
  g_test_add_func ("/errors/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/errors/save-fails", test_save_fails);
  g_test_add_func ("/errors/cancel-open", test_cancel_open);
  g_test_add_func ("/errors/cancel-open-review", test_cancel_open_review);
  g_test_add_func ("/errors/dictionary-missing", test_dictionary_missing);
  return g_test_run ();
}
