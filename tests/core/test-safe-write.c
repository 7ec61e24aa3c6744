/* test-safe-write.c: writes that fail leave the old file whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* Tries to write into the read-only folder: the error message, or ""
 * if the write went through. */
static char *
write_error (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (bt_safe_write (f->path, "new", 3, &error))
    return g_strdup ("");
  if (!g_error_matches (error, BT_ERROR, BT_ERROR_IO))
    return g_strdup ("(not an I/O error)");
  return g_strdup (error->message);
}

/* Root writes anywhere, so a child drops to nobody (65534), who may read
 * the folder but not write to it, and tells what happened. */
static char *
try_write_as_nobody (Fixture *f)
{
  g_autoptr(GString) message = g_string_new (NULL);
  char *message_in_child;
  char buffer[512];
  ssize_t n;
  int fds[2];
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0
          || geteuid () == 0 || access (f->path, R_OK) != 0)
        _exit (3);
      message_in_child = write_error (f);
      if (write (fds[1], message_in_child, strlen (message_in_child)) < 0)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (message, buffer, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 3)
    g_error ("the child could not become nobody or reach %s", f->path);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_string_free (g_steal_pointer (&message), FALSE);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *message = NULL;

  if (geteuid () == 0)
    {
      g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
      message = try_write_as_nobody (f);
    }
  else
    {
      g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
      message = write_error (f);
    }
  g_test_message ("%s", message);
  g_assert_cmpstr (message, !=, "");
  g_assert_nonnull (strstr (message, f->path));
  g_assert_nonnull (strstr (message, g_strerror (EACCES)));
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

/* Into a descriptor: bytes go straight through, the descriptor stays
 * open, and a failed append comes back from commit. */
static void
test_stream_fd (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char buffer[8] = { 0 };
  int fds[2];
  BtSafeWrite *stream;

  g_assert_cmpint (pipe (fds), ==, 0);
  stream = bt_safe_write_begin_fd (fds[1]);
  g_assert_true (bt_safe_write_append (stream, "new", 3));
  g_assert_cmpint (read (fds[0], buffer, sizeof buffer), ==, 3);
  g_assert_cmpstr (buffer, ==, "new");
  g_assert_true (bt_safe_write_commit (stream, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (fds[1], "x", 1), ==, 1);

  signal (SIGPIPE, SIG_IGN);
  close (fds[0]);
  stream = bt_safe_write_begin_fd (fds[1]);
  g_assert_false (bt_safe_write_append (stream, "new", 3));
  g_assert_false (bt_safe_write_append (stream, "more", 4));
  g_assert_false (bt_safe_write_commit (stream, &error));
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  g_assert_cmpint (close (fds[1]), ==, 0);
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
  g_test_add ("/safe-write/stream-fd", Fixture, NULL, fixture_set_up, test_stream_fd, fixture_tear_down);
  g_test_add ("/safe-write/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder, fixture_tear_down);

  return g_test_run ();
}
