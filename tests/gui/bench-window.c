/* bench-window.c: how fast the window opens, scrolls and answers
 *
 * Prints medians in milliseconds: the sample's first frame, a generated
 * 10,000-paragraph review's first frame, the work of each frame while
 * scrolling through it, and single actions to repainted window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bt-application.h"
#include "bt-window-private.h"
#include "bt-xliff-writer.h"

#define N_PARAGRAPHS 10000
#define N_RUNS       5

typedef struct
{
  gint64  frame_start;
  GArray *frame_ms;  /* double: work of each frame, update to after-paint */
  guint   n_painted;
} Frames;

static void
update_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms = (g_get_monotonic_time () - frames->frame_start) / 1000.0;

  if (frames->frame_start > 0)
    g_array_append_val (frames->frame_ms, ms);
  frames->n_painted++;
}

static void
watch_frames (GtkWidget *widget,
              Frames    *frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  frames->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
}

static void
unwatch_frames (GtkWidget *widget,
                Frames    *frames)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (widget), frames);
  g_array_unref (frames->frame_ms);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

static double
maximum (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  return max;
}

/* Waits until the window is idle and has painted a frame after @since. */
static void
wait_painted (BtWindow *window,
              Frames   *frames)
{
  guint before = frames->n_painted;

  while (bt_window_get_busy (window) || frames->n_painted == before)
    g_main_context_iteration (NULL, TRUE);
}

static double
open_and_paint (GFile **files,
                guint   n_files)
{
  gint64 start = g_get_monotonic_time ();
  BtWindow *window = g_object_ref (bt_window_new (NULL));
  Frames frames = { 0 };
  guint before;
  double ms;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  watch_frames (GTK_WIDGET (window), &frames);
  if (files == NULL)
    bt_window_open_sample (window);
  else
    bt_window_open_files (window, files, n_files);
  /* The texts are shown first; the aligner's suggestions follow. */
  while (window->review == NULL)
    g_main_context_iteration (NULL, TRUE);
  before = frames.n_painted;
  while (frames.n_painted == before)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  while (bt_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  unwatch_frames (GTK_WIDGET (window), &frames);
  bt_review_mark_saved (window->review);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return ms;
}

static char *
generate_review (void)
{
  g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr (BtReview) review = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "large.xlf", NULL);

  for (guint p = 0; p < N_PARAGRAPHS; p++)
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
  for (guint p = 0; p < N_PARAGRAPHS; p++)
    {
      bt_review_add_link (review, p, 2 * p, BT_ORIGIN_AUTO, 0.9, BT_STATE_SUGGESTED);
      bt_review_add_link (review, p, 2 * p + 1, BT_ORIGIN_AUTO, 0.6, BT_STATE_SUGGESTED);
      if (p > 0)
        bt_review_add_link (review, p, 2 * p - 1, BT_ORIGIN_AUTO, 0.3, BT_STATE_SUGGESTED);
      if (p % 2 == 0)
        bt_review_add_omission (review, p, 20, 30, BT_CATEGORY_DETAIL, BT_SEVERITY_MINOR, "",
                                BT_ORIGIN_AUTO, 0.7, BT_STATE_SUGGESTED);
    }
  if (!bt_xliff_write_file (review, path, &error))
    g_error ("%s", error->message);
  return path;
}

static void
bench_scroll (BtWindow *window,
              Frames   *frames)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->source_view));

  g_array_set_size (frames->frame_ms, 0);
  for (guint i = 0; i < 300; i++)
    {
      double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 3;

      gtk_adjustment_set_value (adjustment, value);
      wait_painted (window, frames);
    }
  g_print ("# scroll 300 steps: frame work median %.1f ms, max %.1f ms\n", median (frames->frame_ms),
           maximum (frames->frame_ms));
}

static void
bench_actions (BtWindow *window,
               Frames   *frames)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *actions[] = { "win.toggle-link", "win.undo", "win.accept", "win.undo",
                            "win.flag-paragraph", "win.mark-reviewed" };

  _bt_window_select_paragraph (window, N_PARAGRAPHS / 2);
  _bt_window_select_sentence (window, N_PARAGRAPHS + 7);
  wait_painted (window, frames);
  for (guint i = 0; i < G_N_ELEMENTS (actions) * 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i % G_N_ELEMENTS (actions)], NULL);
      wait_painted (window, frames);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      if (window->flag_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (window->flag_popover));
    }
  g_print ("# action to repainted window: median %.1f ms, max %.1f ms\n", median (times),
           maximum (times));
}

int
main (int    argc,
      char **argv)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GArray) sample = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) large = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  BtWindow *window;
  Frames frames = { 0 };
  double first;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("# skipped: no display\n");
      return 0;
    }
  gtk_init ();
  adw_init ();
  bt_gui_init ();

  first = open_and_paint (NULL, 0);
  g_print ("# process start to the sample's first frame: %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = open_and_paint (NULL, 0);

      g_array_append_val (sample, ms);
    }
  g_print ("# sample, window to first frame: median %.1f ms (first run %.1f ms)\n", median (sample),
           first);

  path = generate_review ();
  file = g_file_new_for_path (path);
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = open_and_paint (&file, 1);

      g_array_append_val (large, ms);
    }
  g_print ("# %u-paragraph review, open to first frame: median %.1f ms\n", N_PARAGRAPHS,
           median (large));

  window = g_object_ref (bt_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  watch_frames (GTK_WIDGET (window), &frames);
  bt_window_open_files (window, &file, 1);
  wait_painted (window, &frames);
  bench_scroll (window, &frames);
  bench_actions (window, &frames);
  unwatch_frames (GTK_WIDGET (window), &frames);
  bt_review_mark_saved (window->review);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  g_unlink (path);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_rmdir (dir);
  }
  return 0;
}
