/* test-save-loop.c: a process killed while saving leaves the old or the
 * new review on disk, whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bt-test-review.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define N_ROUNDS 40

typedef struct
{
  BtReview *reviews[2];
  GBytes   *bytes[2];
  guint     seen[2];
} Versions;

/* Saves the two versions in turn until it is killed. */
G_GNUC_NORETURN static void
save_forever (Versions   *versions,
              const char *path)
{
  for (guint i = 1;; i ^= 1)
    {
      g_autoptr (GError) error = NULL;

      if (!bt_xliff_write_file (versions->reviews[i], path, &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (1);
        }
    }
}

/* Which version the file holds, checked byte for byte and by reading it. */
static guint
identify (Versions   *versions,
          const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) review = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  review = bt_xliff_read_data (data, size, path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    if (g_bytes_get_size (versions->bytes[i]) == size &&
        memcmp (g_bytes_get_data (versions->bytes[i], NULL), data, size) == 0)
      {
        g_assert_true (bt_review_equal (review, versions->reviews[i]));
        return i;
      }
  g_error ("%s is neither the old nor the new review (%" G_GSIZE_FORMAT " bytes)", path, size);
}

static void
remove_leftovers (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static void
kill_after (GRand      *rand,
            Versions   *versions,
            const char *path,
            gint64      max_wait)
{
  pid_t pid;
  int status;

  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    save_forever (versions, path);
  g_usleep (g_rand_int_range (rand, 0, (gint32) max_wait));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* A child that stopped by itself failed to save. */
  g_assert_true (WIFSIGNALED (status));
  versions->seen[identify (versions, path)]++;
}

static void
test_killed_while_saving (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree char *dir = g_dir_make_tmp ("bitext-save-loop-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review.xlf", NULL);
  Versions versions = { 0 };
  gint64 save_time;

  for (guint i = 0; i < 2; i++)
    {
      versions.reviews[i] = bt_test_review_new_random (rand, 300);
      versions.bytes[i] = bt_xliff_write_bytes (versions.reviews[i], NULL);
      g_assert_nonnull (versions.bytes[i]);
    }
  g_assert_false (g_bytes_equal (versions.bytes[0], versions.bytes[1]));
  /* The kills land anywhere in the first few saves, however fast the disk. */
  save_time = g_get_monotonic_time ();
  g_assert_true (bt_xliff_write_file (versions.reviews[0], path, NULL));
  save_time = MAX (g_get_monotonic_time () - save_time, 1000);

  for (guint round = 0; round < N_ROUNDS; round++)
    kill_after (rand, &versions, path, MIN (save_time * 4, G_USEC_PER_SEC));
  /* A slow child (sanitizers, a loaded machine) may not have finished a
   * save yet: give it longer, a few times, before judging. */
  for (guint extra = 0; extra < 10 && versions.seen[1] == 0; extra++)
    kill_after (rand, &versions, path, 2 * G_USEC_PER_SEC);
  g_test_message ("%u kills within %" G_GINT64_FORMAT " us: old review %u times, new review "
                  "%u times", N_ROUNDS, save_time * 4, versions.seen[0], versions.seen[1]);
  /* The child did save: the new review was found at least once. */
  g_assert_cmpuint (versions.seen[1], >, 0);

  remove_leftovers (dir);
  g_rmdir (dir);
  for (guint i = 0; i < 2; i++)
    {
      g_bytes_unref (versions.bytes[i]);
      g_assert_finalize_object (versions.reviews[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save-loop/killed-while-saving", test_killed_while_saving);
  return g_test_run ();
}
