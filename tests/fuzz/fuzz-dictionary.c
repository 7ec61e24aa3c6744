/* fuzz-dictionary.c: the CC-CEDICT parser and index on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bt-dictionary.h"
#include "bt-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BtDictionary) dictionary = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("bitext-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);

  path = g_build_filename (dir, "cedict.u8", NULL);
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  /* No cache: every input goes through the parser. */
  dictionary = bt_dictionary_load_full (path, "/nonexistent/bitext-fuzz", NULL);
  if (dictionary != NULL)
    {
      static const gunichar probe[] = { 0x4E2D, 0x56FD, 0x4EBA };
      const guint32 *ids = NULL;
      guint n_ids = 0;

      bt_dictionary_match (dictionary, probe, G_N_ELEMENTS (probe), 0, &ids, &n_ids);
    }
  g_unlink (path);

  return 0;
}
