/* bench-window.c: how fast the window opens, scrolls and answers
 *
 * Prints medians in milliseconds: bitext's start, from spawning a process
 * to its first frame with the sample; a generated 10,000-paragraph
 * review's first frame; the work of each frame while scrolling through it;
 * single actions to repainted window. CPU times stand beside wall times,
 * since other work may share the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <gtk/gtk.h>
#include <time.h>

#include "bt-application.h"
#include "bt-test-review.h"
#include "bt-window-private.h"
#include "bt-xliff-writer.h"

#define N_PARAGRAPHS 10000
#define N_RUNS       5
#define N_STARTS     7
#define CHILD_FLAG   "--start-child"

typedef struct
{
  gboolean in_frame;
  gint64  frame_start;
  gint64  frame_cpu_start;
  GArray *frame_ms;      /* double: work of each frame, update to after-paint */
  GArray *frame_cpu_ms;  /* double: the main thread's CPU time in it */
  guint   n_painted;
} Frames;

static gint64
cpu_time (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A frame starts with the first of its phases that is run: GDK runs
 * only those asked for, and always ::after-paint. */
static void
phase_cb (GdkFrameClock *clock,
          Frames        *frames)
{
  if (frames->in_frame)
    return;
  frames->in_frame = TRUE;
  frames->frame_start = g_get_monotonic_time ();
  frames->frame_cpu_start = cpu_time (CLOCK_THREAD_CPUTIME_ID);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms = (g_get_monotonic_time () - frames->frame_start) / 1000.0;
  double cpu_ms = (cpu_time (CLOCK_THREAD_CPUTIME_ID) - frames->frame_cpu_start) / 1000.0;

  if (frames->in_frame)
    {
      g_array_append_val (frames->frame_ms, ms);
      g_array_append_val (frames->frame_cpu_ms, cpu_ms);
    }
  frames->in_frame = FALSE;
  frames->n_painted++;
}

static void
watch_frames (GtkWidget *widget,
              Frames    *frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  const char *phases[] = { "flush-events", "before-paint", "update", "layout", "paint" };

  frames->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  frames->frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (clock, phases[i], G_CALLBACK (phase_cb), frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
}

static void
unwatch_frames (GtkWidget *widget,
                Frames    *frames)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (widget), frames);
  g_array_unref (frames->frame_ms);
  g_array_unref (frames->frame_cpu_ms);
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

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += g_array_index (values, double, i) > limit;
  return n;
}

/* Waits until the window is idle, then until it has painted a frame. */
static void
wait_painted (BtWindow *window,
              Frames   *frames)
{
  guint before;

  while (bt_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  before = frames->n_painted;
  while (frames->n_painted == before)
    g_main_context_iteration (NULL, TRUE);
}

/* Returns the wall time; adds the process's CPU time to @cpu_ms and the
 * work of the first frame showing the review to @frame_ms. */
static double
open_and_paint (GFile  **files,
                guint    n_files,
                GArray  *cpu_ms,
                GArray  *frame_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = cpu_time (CLOCK_PROCESS_CPUTIME_ID);
  double cpu;
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
  cpu = (cpu_time (CLOCK_PROCESS_CPUTIME_ID) - cpu_start) / 1000.0;
  g_array_append_val (cpu_ms, cpu);
  g_array_append_val (frame_ms, g_array_index (frames.frame_ms, double, frames.frame_ms->len - 1));
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
  g_autoptr (BtReview) review = bt_test_review_new_window (N_PARAGRAPHS);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bitext-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "large.xlf", NULL);

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
  g_array_set_size (frames->frame_cpu_ms, 0);
  for (guint i = 0; i < 300; i++)
    {
      double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 3;

      gtk_adjustment_set_value (adjustment, value);
      wait_painted (window, frames);
    }
  g_print ("# scroll 300 steps: frame work median %.1f ms, max %.1f ms, %u frames over 16 ms; "
           "main thread CPU median %.1f ms, max %.1f ms\n",
           median (frames->frame_ms), maximum (frames->frame_ms), count_over (frames->frame_ms, 16),
           median (frames->frame_cpu_ms), maximum (frames->frame_cpu_ms));
}

static void
bench_actions (BtWindow *window,
               Frames   *frames)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *actions[] = { "win.toggle-link", "win.undo", "win.accept", "win.undo",
                            "win.flag-paragraph", "win.mark-reviewed" };

  _bt_window_select_paragraph (window, N_PARAGRAPHS / 2);
  _bt_window_select_sentence (window, N_PARAGRAPHS + 7);
  wait_painted (window, frames);
  for (guint i = 0; i < G_N_ELEMENTS (actions) * 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_time (CLOCK_PROCESS_CPUTIME_ID);
      double ms, cpu;

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i % G_N_ELEMENTS (actions)], NULL);
      wait_painted (window, frames);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = (cpu_time (CLOCK_PROCESS_CPUTIME_ID) - cpu_start) / 1000.0;
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
      if (window->flag_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (window->flag_popover));
    }
  g_print ("# action to repainted window: median %.1f ms, max %.1f ms; "
           "CPU median %.1f ms, max %.1f ms\n",
           median (times), maximum (times), median (cpu_times), maximum (cpu_times));
}

/* Start-up: a child runs bitext's own start and prints when its window
 * first painted the sample; the parent times it from the spawn. */

/* Moments of the child's start, on the clock shared with the parent. */
enum
{
  PHASE_MAIN,
  PHASE_WINDOW,
  PHASE_REALIZE,
  PHASE_REVIEW,
  N_PHASES
};

static const char *phase_names[N_PHASES] = {
  "main()", "GTK set up and window made", "window realised", "texts arrived",
};

typedef struct
{
  BtWindow *window;
  Frames    frames;
  gboolean  shown;
  gint64    phases[N_PHASES];
} Child;

static void
child_painted_cb (GdkFrameClock *clock,
                  Child         *child)
{
  GApplication *application = g_application_get_default ();

  if (child->shown || child->window->review == NULL)
    return;
  child->shown = TRUE;
  /* CLOCK_MONOTONIC is shared with the parent process. */
  g_print ("painted %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %.1f", g_get_monotonic_time (),
           cpu_time (CLOCK_PROCESS_CPUTIME_ID), maximum (child->frames.frame_ms));
  for (guint i = 0; i < N_PHASES; i++)
    g_print (" %" G_GINT64_FORMAT, child->phases[i]);
  g_print ("\n");
  bt_review_mark_saved (child->window->review);
  g_application_quit (application);
}

static void
child_realize_cb (GtkWidget *window,
                  Child     *child)
{
  child->phases[PHASE_REALIZE] = g_get_monotonic_time ();
  watch_frames (window, &child->frames);
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (child_painted_cb), child);
}

static void
child_review_cb (Child *child)
{
  if (child->phases[PHASE_REVIEW] == 0)
    child->phases[PHASE_REVIEW] = g_get_monotonic_time ();
}

/* An emission hook, since the application is made inside
 * bt_application_main(). */
static gboolean
child_window_added_cb (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               user_data)
{
  Child *child = user_data;
  GObject *window = g_value_get_object (&values[1]);

  if (!BT_IS_WINDOW (window) || child->window != NULL)
    return TRUE;
  child->phases[PHASE_WINDOW] = g_get_monotonic_time ();
  child->window = BT_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (child_realize_cb), child);
  g_signal_connect_swapped (window, "notify::review", G_CALLBACK (child_review_cb), child);
  return FALSE;
}

/* bitext's own start, watched. */
static int
run_child (const char *program)
{
  static Child child;
  char *argv[] = { (char *) program, NULL };

  child.phases[PHASE_MAIN] = g_get_monotonic_time ();
  /* A child that never paints ends, and the parent reports it. */
  alarm (120);
  g_type_class_ref (GTK_TYPE_APPLICATION);
  g_signal_add_emission_hook (g_signal_lookup ("window-added", GTK_TYPE_APPLICATION), 0,
                              child_window_added_cb, &child, NULL);
  return bt_application_main (1, argv);
}

static void
spawn_child (const char *program,
             GArray     *wall_ms,
             GArray     *cpu_ms,
             GArray     *frame_max_ms,
             GArray    **phase_ms)
{
  const char *argv[] = { program, CHILD_FLAG, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start, painted, cpu, phases[N_PHASES];
  double frame_max, ms;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "painted %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %lf %" G_GINT64_FORMAT
              " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &painted, &cpu,
              &frame_max, &phases[0], &phases[1], &phases[2], &phases[3]) != 3 + N_PHASES)
    g_error ("start-up child failed: %s", error != NULL ? error->message : out);
  ms = (painted - start) / 1000.0;
  g_array_append_val (wall_ms, ms);
  ms = cpu / 1000.0;
  g_array_append_val (cpu_ms, ms);
  g_array_append_val (frame_max_ms, frame_max);
  for (guint i = 0; i < N_PHASES; i++)
    {
      ms = (phases[i] - start) / 1000.0;
      g_array_append_val (phase_ms[i], ms);
    }
}

static void
bench_start (const char *program)
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) frame_max = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *phases[N_PHASES];

  for (guint i = 0; i < N_PHASES; i++)
    phases[i] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < N_STARTS; i++)
    spawn_child (program, wall, cpu, frame_max, phases);
  g_print ("# bitext start to the sample's first frame (%u processes): median %.1f ms, "
           "max %.1f ms; CPU median %.1f ms; longest frame median %.1f ms, max %.1f ms\n",
           N_STARTS, median (wall), maximum (wall), median (cpu), median (frame_max),
           maximum (frame_max));
  g_print ("#   medians from the spawn:");
  for (guint i = 0; i < N_PHASES; i++)
    {
      g_print (" %s %.0f ms,", phase_names[i], median (phases[i]));
      g_array_unref (phases[i]);
    }
  g_print (" first frame %.0f ms\n", median (wall));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GArray) sample = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sample_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) large = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) large_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sample_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) large_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *program = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  BtWindow *window;
  Frames frames = { 0 };

  if (argc == 2 && g_str_equal (argv[1], CHILD_FLAG))
    return run_child (argv[0]);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("# skipped: no display\n");
      return 0;
    }
  program = g_file_read_link ("/proc/self/exe", NULL);
  bench_start (program != NULL ? program : argv[0]);

  gtk_init ();
  adw_init ();
  bt_gui_init ();
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = open_and_paint (NULL, 0, sample_cpu, sample_frame);

      g_array_append_val (sample, ms);
    }
  g_print ("# sample in a new window, to first frame: median %.1f ms; CPU median %.1f ms; "
           "that frame's work median %.1f ms\n",
           median (sample), median (sample_cpu), median (sample_frame));

  path = generate_review ();
  file = g_file_new_for_path (path);
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = open_and_paint (&file, 1, large_cpu, large_frame);

      g_array_append_val (large, ms);
    }
  g_print ("# %u-paragraph review, open to first frame: median %.1f ms, max %.1f ms; "
           "CPU median %.1f ms; that frame's work median %.1f ms, max %.1f ms\n",
           N_PARAGRAPHS, median (large), maximum (large), median (large_cpu), median (large_frame),
           maximum (large_frame));

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
