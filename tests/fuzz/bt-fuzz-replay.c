/* bt-fuzz-replay.c: runs a fuzz target over files and folders of inputs,
 * so the seeds and every input that once crashed stay tested in builds
 * without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "bt-fuzz.h"

static guint
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);

  LLVMFuzzerTestOneInput ((const guint8 *) data, size);
  return 1;
}

static guint
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        n += replay_file (child);
    }
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay_path (argv[i]);

  printf ("1..1\n");
  if (n == 0)
    {
      printf ("not ok 1 - no inputs found\n");
      return 1;
    }
  printf ("ok 1 - %u inputs replayed\n", n);
  return 0;
}
