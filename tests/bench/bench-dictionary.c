/* bench-dictionary.c: building and loading the dictionary index
 *
 * Uses the installed CC-CEDICT (build-aux/fetch-dictionary) when there is
 * one, else a generated dictionary of 120,000 entries of the same shape.
 * Prints the time to build the index once and the median time to load it
 * from the cache; fails when that median is over the 100 ms budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bt-dictionary.h"

#define N_ENTRIES 120000
#define N_LOADS   15
#define BUDGET_MS 100.0

static const char * const gloss_words[] = {
  "railway", "build", "investment", "province", "city", "river", "market",
  "to export", "growth", "minister", "meeting", "flower", "tunnel",
  "employment", "bond", "ecology", "university", "professor", "kilometer",
  "network", "transport", "region", "country", "assessment", "logistics",
};

static gunichar
random_han (GRand *rand)
{
  return g_rand_int_range (rand, 0x4E00, 0x9FA6);
}

static char *
generate_dictionary (const char *dir)
{
  g_autoptr(GString) s = g_string_new ("# generated for the benchmark\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char *path = g_build_filename (dir, "generated.u8", NULL);

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(GString) trad = g_string_new (NULL);
      g_autoptr(GString) simp = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 1, 5);

      for (guint j = 0; j < len; j++)
        {
          gunichar c = random_han (rand);

          g_string_append_unichar (trad, c);
          g_string_append_unichar (simp, j == 0 ? random_han (rand) : c);
        }
      g_string_append_printf (s, "%s %s [pin1 yin1] /%s/%s (of sth)/%s %u/\n",
                              trad->str, simp->str,
                              gloss_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (gloss_words))],
                              gloss_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (gloss_words))],
                              gloss_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (gloss_words))],
                              i);
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  return path;
}

/* Longest-match segmentation of a million characters of the sample. */
static double
match_ms (BtDictionary *dict,
          guint        *n_words)
{
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_SAMPLES_DIR"),
                                            "sample-zh.txt", NULL);
  g_autofree char *sample = NULL;
  g_autofree gunichar *text = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  glong len;
  gint64 start;

  *n_words = 0;
  if (!g_file_get_contents (path, &sample, NULL, NULL))
    return -1;
  while (s->len < 3 * 1000000)
    g_string_append (s, sample);
  text = g_utf8_to_ucs4_fast (s->str, -1, &len);
  len = MIN (len, 1000000);

  start = g_get_monotonic_time ();
  for (glong pos = 0; pos < len;)
    {
      guint n = bt_dictionary_match (dict, text, len, pos, NULL, NULL);

      *n_words += n > 0;
      pos += MAX (n, 1);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
load_ms (const char *path,
         const char *cache_dir,
         gboolean    expect_cached)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtDictionary) dict = NULL;
  gint64 start = g_get_monotonic_time ();

  dict = bt_dictionary_load_full (path, cache_dir, &error);
  g_assert_no_error (error);
  if (bt_dictionary_from_cache (dict) != expect_cached)
    g_error ("the index was %s the cache", expect_cached ? "not read from" : "read from");
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-bench-dictionary-XXXXXX", NULL);
  g_autofree char *path = bt_dictionary_find_default ();
  g_autofree char *cache_path = NULL;
  g_autofree char *generated = NULL;
  double build, loads[N_LOADS];

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      generated = generate_dictionary (dir);
      g_free (path);
      path = g_strdup (generated);
    }
  g_print ("dictionary: %s\n", path);

  build = load_ms (path, dir, FALSE);
  for (guint i = 0; i < N_LOADS; i++)
    loads[i] = load_ms (path, dir, TRUE);
  qsort (loads, N_LOADS, sizeof (double), compare_doubles);

  {
    g_autoptr(BtDictionary) dict = bt_dictionary_load_full (path, dir, NULL);

    guint n_words;
    double ms = match_ms (dict, &n_words);

    g_print ("headwords: %u, English words: %u\n",
             bt_dictionary_get_n_headwords (dict),
             bt_dictionary_get_n_words (dict));
    if (ms >= 0)
      g_print ("longest match over 1,000,000 characters: %.1f ms (%u words)\n",
               ms, n_words);
    cache_path = g_strdup (bt_dictionary_get_cache_path (dict));
  }
  g_print ("build index: %.1f ms\n", build);
  g_print ("load index: median %.2f ms, min %.2f ms, max %.2f ms (%d loads)\n",
           loads[N_LOADS / 2], loads[0], loads[N_LOADS - 1], N_LOADS);

  g_remove (cache_path);
  if (generated != NULL)
    g_remove (generated);
  g_rmdir (dir);

  return loads[N_LOADS / 2] < BUDGET_MS ? 0 : 1;
}
