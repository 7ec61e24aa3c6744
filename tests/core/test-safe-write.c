/* test-safe-write.c: writes that fail leave the old file whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-safe-write.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("bitext-safe-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "review.xlf", NULL);
  g_assert_true (g_file_set_contents (f->path, "old contents\n", -1, NULL));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_chmod (f->dir, 0700);
  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_old_contents (Fixture *f)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents\n");
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  g_assert_true (bt_safe_write (f->path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: a read-only folder is still writable");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_assert_false (bt_safe_write (f->path, "new", 3, &error));
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  g_chmod (f->dir, 0700);
  assert_old_contents (f);
}

static void
test_file_size_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc0 (1 << 20);
  struct rlimit old, limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  limit = old;
  limit.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (bt_safe_write (f->path, big, 1 << 20, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  g_test_message ("%s", error->message);
  assert_old_contents (f);
}

/* A streamed write that fails halfway is reported at commit. */
static void
test_stream_size_limit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chunk = g_malloc0 (4096);
  struct rlimit old, limit;
  BtSafeWrite *write;

  signal (SIGXFSZ, SIG_IGN);
  write = bt_safe_write_begin (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  limit = old;
  limit.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  for (int i = 0; i < 100; i++)
    bt_safe_write_append (write, chunk, 4096);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  g_assert_false (bt_safe_write_commit (write, &error));
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  assert_old_contents (f);
}

static void
test_stream_abort (Fixture       *f,
                   gconstpointer  data)
{
  BtSafeWrite *write = bt_safe_write_begin (f->path, NULL);

  g_assert_nonnull (write);
  g_assert_true (bt_safe_write_append (write, "new", 3));
  bt_safe_write_abort (write);
  assert_old_contents (f);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "gone", "review.xlf", NULL);

  g_assert_false (bt_safe_write (path, "new", 3, &error));
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  assert_old_contents (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/safe-write/replace", Fixture, NULL, fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/safe-write/read-only-folder", Fixture, NULL, fixture_set_up, test_read_only_folder, fixture_tear_down);
  g_test_add ("/safe-write/file-size-limit", Fixture, NULL, fixture_set_up, test_file_size_limit, fixture_tear_down);
  g_test_add ("/safe-write/stream-size-limit", Fixture, NULL, fixture_set_up, test_stream_size_limit, fixture_tear_down);
  g_test_add ("/safe-write/stream-abort", Fixture, NULL, fixture_set_up, test_stream_abort, fixture_tear_down);
  g_test_add ("/safe-write/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder, fixture_tear_down);

  return g_test_run ();
}
