/* test-autosave.c: recovery copies are written, listed, restored, removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "bt-autosave.h"
#include "bt-test-review.h"
#include "bt-xliff-reader.h"

#define DELAY_MS 20

typedef struct
{
  char     *dir;
  BtReview *review;
} Fixture;

static BtReview *
new_clean_review (void)
{
  BtReview *review = bt_test_review_new_golden ();

  bt_review_clear_history (review);
  bt_review_mark_saved (review);
  return review;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("bitext-autosave-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->review = new_clean_review ();
  g_assert_false (bt_review_get_modified (f->review));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->review);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
quit_cb (GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("the autosave did not do what was expected within 10 s");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @autosave emits @signal. */
static void
wait_for (BtAutosave *autosave,
          const char *signal)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint timeout = g_timeout_add_seconds (10, give_up_cb, NULL);
  gulong handler = g_signal_connect_swapped (autosave, signal, G_CALLBACK (quit_cb), loop);

  g_main_loop_run (loop);
  g_signal_handler_disconnect (autosave, handler);
  g_source_remove (timeout);
}

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
edit (BtReview *review,
      guint     n)
{
  g_autofree char *note = g_strdup_printf ("note %u", n);

  g_assert_true (bt_review_set_note (review, 0, note));
}

static BtAutosave *
new_autosave (Fixture *f)
{
  BtAutosave *autosave = bt_autosave_new (f->review, f->dir, "/nowhere/review.xlf");

  bt_autosave_set_delay (autosave, DELAY_MS);
  return autosave;
}

static void
assert_copy_equals (const char *path,
                    BtReview   *review)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) copy = bt_xliff_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (bt_review_equal (copy, review));
}

static void
test_writes_after_change (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (BtAutosave) autosave = new_autosave (f);
  g_autoptr (GPtrArray) listed = NULL;
  gint64 start;

  g_assert_false (g_file_test (bt_autosave_get_copy_path (autosave), G_FILE_TEST_EXISTS));
  edit (f->review, 1);
  start = g_get_monotonic_time ();
  wait_for (autosave, "written");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_null (bt_autosave_get_error (autosave));
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 1);
  assert_copy_equals (bt_autosave_get_copy_path (autosave), f->review);
  g_assert_true (bt_review_get_modified (f->review));

  /* The running process's own copies are never offered back. */
  listed = bt_autosave_list_recoveries (f->dir);
  g_assert_cmpuint (listed->len, ==, 0);

  edit (f->review, 2);
  wait_for (autosave, "written");
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 2);
  assert_copy_equals (bt_autosave_get_copy_path (autosave), f->review);
}

static void
test_coalesces_changes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (BtAutosave) autosave = new_autosave (f);

  bt_autosave_set_delay (autosave, 200);
  for (guint i = 0; i < 50; i++)
    edit (f->review, i);
  wait_for (autosave, "written");
  spin (400);
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 1);
  assert_copy_equals (bt_autosave_get_copy_path (autosave), f->review);
}

static void
test_nothing_without_changes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (BtAutosave) autosave = new_autosave (f);

  spin (200);
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 0);
  g_assert_cmpuint (count_files (f->dir), ==, 0);

  /* Undoing back to the saved state leaves nothing to recover. */
  edit (f->review, 1);
  g_assert_true (bt_review_undo (f->review));
  spin (200);
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 0);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_removed_on_save (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (BtAutosave) autosave = new_autosave (f);
  guint n_removed = 0;

  g_signal_connect_swapped (autosave, "removed", G_CALLBACK (count_cb), &n_removed);
  edit (f->review, 1);
  wait_for (autosave, "written");
  g_assert_cmpuint (count_files (f->dir), ==, 2);
  bt_review_mark_saved (f->review);
  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_cmpuint (count_files (f->dir), ==, 0);

  /* A change after the save starts a new copy. */
  edit (f->review, 2);
  wait_for (autosave, "written");
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

static void
test_removed_on_close (Fixture       *f,
                       gconstpointer  data)
{
  BtAutosave *autosave = new_autosave (f);

  edit (f->review, 1);
  wait_for (autosave, "written");
  g_assert_cmpuint (count_files (f->dir), ==, 2);
  g_assert_finalize_object (autosave);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
  g_assert_true (bt_review_get_modified (f->review));
}

static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autoptr (BtAutosave) autosave = NULL;
  const GError *error;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  autosave = bt_autosave_new (f->review, file, NULL);
  bt_autosave_set_delay (autosave, DELAY_MS);
  edit (f->review, 1);
  wait_for (autosave, "written");
  error = bt_autosave_get_error (autosave);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  g_assert_cmpuint (bt_autosave_get_n_writes (autosave), ==, 0);
  g_assert_true (bt_review_get_modified (f->review));
}

/* The child writes a copy and dies without closing anything. */
static void
crash_child (void)
{
  const char *dir = g_getenv ("BITEXT_TEST_AUTOSAVE_DIR");
  g_autoptr (BtReview) review = NULL;
  BtAutosave *autosave;

  if (!g_test_subprocess ())
    {
      g_test_skip ("run by /autosave/recovers-after-crash");
      return;
    }
  review = new_clean_review ();
  autosave = bt_autosave_new (review, dir, "/nowhere/review.xlf");

  bt_autosave_set_delay (autosave, DELAY_MS);
  edit (review, 1);
  edit (review, 2);
  wait_for (autosave, "written");
  _exit (0);
}

static void
test_recovers_after_crash (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (BtReview) recovered = NULL;
  g_autoptr (GError) error = NULL;
  BtRecovery *recovery;

  g_setenv ("BITEXT_TEST_AUTOSAVE_DIR", f->dir, TRUE);
  g_test_trap_subprocess ("/autosave/crash-child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  listed = bt_autosave_list_recoveries (f->dir);
  g_assert_cmpuint (listed->len, ==, 1);
  recovery = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (recovery->review_path, ==, "/nowhere/review.xlf");
  g_assert_cmpstr (recovery->source_name, ==,
                   bt_document_get_name (bt_review_get_source (f->review)));
  g_assert_cmpint (recovery->saved_at, >, 0);

  recovered = bt_recovery_load (recovery, &error);
  g_assert_no_error (error);
  g_assert_true (bt_review_get_modified (recovered));
  g_assert_false (bt_review_can_undo (recovered));
  edit (f->review, 1);
  edit (f->review, 2);
  g_assert_true (bt_review_equal (recovered, f->review));

  g_assert_true (bt_recovery_remove (recovery, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
write_info (const char *dir,
            const char *id,
            gint64      process,
            gboolean    with_copy)
{
  g_autofree char *info_name = g_strconcat (id, ".ini", NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *info = g_strdup_printf ("[Recovery]\nSource=zh\nTarget=en\nSaved=1\n"
                                           "Process=%" G_GINT64_FORMAT "\n", process);

  g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
  if (with_copy)
    {
      g_autofree char *copy_name = g_strconcat (id, ".xlf", NULL);
      g_autofree char *copy_path = g_build_filename (dir, copy_name, NULL);

      g_assert_true (g_file_set_contents (copy_path, "<xliff/>", -1, NULL));
    }
}

static void
test_lists_only_leftovers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "junk.ini", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) review = NULL;

  write_info (f->dir, "dead", G_MAXINT, TRUE);
  write_info (f->dir, "alive", getppid (), TRUE);
  write_info (f->dir, "no-copy", G_MAXINT, FALSE);
  g_assert_true (g_file_set_contents (junk, "\x01\x02 not a key file", -1, NULL));

  listed = bt_autosave_list_recoveries (f->dir);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((BtRecovery *) listed->pdata[0])->id, ==, "dead");
  g_assert_null (((BtRecovery *) listed->pdata[0])->review_path);

  /* A damaged copy is refused with a message naming it. */
  review = bt_recovery_load (listed->pdata[0], &error);
  g_assert_null (review);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "dead.xlf"));

  g_ptr_array_unref (bt_autosave_list_recoveries ("/nonexistent/bitext"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autosave/crash-child", crash_child);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/autosave/writes-after-change", test_writes_after_change);
  ADD ("/autosave/coalesces-changes", test_coalesces_changes);
  ADD ("/autosave/nothing-without-changes", test_nothing_without_changes);
  ADD ("/autosave/removed-on-save", test_removed_on_save);
  ADD ("/autosave/removed-on-close", test_removed_on_close);
  ADD ("/autosave/write-error", test_write_error);
  ADD ("/autosave/recovers-after-crash", test_recovers_after_crash);
  ADD ("/autosave/lists-only-leftovers", test_lists_only_leftovers);
#undef ADD
  return g_test_run ();
}
