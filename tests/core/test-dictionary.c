/* test-dictionary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bt-dictionary.h"
#include "bt-error.h"

/* A new directory inside the test's private one. */
static char *
make_work_dir (void)
{
  static guint count;
  char *dir = g_strdup_printf ("%s/work-%u", g_getenv ("BITEXT_TEST_HOME"),
                               count++);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static char *
fixture_path (void)
{
  return g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "cedict-mini.u8",
                           NULL);
}

static BtDictionary *
load_mini (void)
{
  g_autofree char *path = fixture_path ();
  g_autoptr(GError) error = NULL;
  BtDictionary *dict = bt_dictionary_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dict);
  return dict;
}

/* The entry's ids spelled as stems, space-separated, in id order. */
static char *
spell_ids (BtDictionary  *dict,
           const guint32 *ids,
           guint          n_ids)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_assert_cmpuint (ids[i - 1], <, ids[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? " " : "",
                              bt_dictionary_word (dict, ids[i]));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
sorted_words (const char *spelled)
{
  g_auto(GStrv) words = g_strsplit (spelled, " ", -1);

  qsort (words, g_strv_length (words), sizeof (char *), compare_strings);
  return g_strjoinv (" ", words);
}

static void
test_dictionary_lookup (void)
{
  static const struct { const char *headword; const char *words; } cases[] = {
    { "铁路", "railroad railway" },
    { "鐵路", "railroad railway" },
    { "铁路网", "network railway" },
    { "會議", "conferenc meet" },
    { "会议", "conferenc meet" },
    { "的", "bull eye target" },
    { "了", "" },
    { "元", "first yuan" },
    { "城市", "city town" },
    { "台", "" },
    { "檯", "" },
    { "台湾", "taiwan" },
    { "習近平", "chines jinp politician xi" },
    { "就业", "employ find job" },
    { "发展", "develop" },
    { "林", "forest lin wood" },
  };
  g_autoptr(BtDictionary) dict = load_mini ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const guint32 *ids = NULL;
      guint n_ids = 99;
      g_autofree char *spelled = NULL, *sorted = NULL, *expected = NULL;

      g_assert_true (bt_dictionary_lookup (dict, cases[i].headword, &ids,
                                           &n_ids));
      spelled = spell_ids (dict, ids, n_ids);
      sorted = sorted_words (spelled);
      expected = sorted_words (cases[i].words);
      g_assert_cmpstr (sorted, ==, expected);
    }
}

static void
test_dictionary_missing (void)
{
  static const char * const missing[] = { "铁路建", "矿", "", "西", "鉄" };
  g_autoptr(BtDictionary) dict = load_mini ();

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    g_assert_false (bt_dictionary_lookup (dict, missing[i], NULL, NULL));
}

static void
test_dictionary_match (void)
{
  static const struct {
    const char *text;
    guint pos;
    guint length;
    const char *first_word;
  } cases[] = {
    { "铁路网建设", 0, 3, "network" },
    { "铁路建设", 0, 2, "railroad" },
    { "铁路建设", 2, 2, "build" },
    { "铁矿", 0, 1, "iron" },
    { "铁矿", 1, 0, NULL },
    { "鐵路網", 0, 3, "network" },
    { "在自然保护区内", 1, 5, "reserv" },
    { "自然环境", 0, 2, "natur" },
    { "兰州至西宁", 3, 2, "xin" },
    { "铁", 0, 1, "iron" },
  };
  g_autoptr(BtDictionary) dict = load_mini ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong len;
      g_autofree gunichar *text = g_utf8_to_ucs4_fast (cases[i].text, -1, &len);
      const guint32 *ids = NULL;
      guint n_ids = 0;
      guint got = bt_dictionary_match (dict, text, len, cases[i].pos, &ids,
                                       &n_ids);

      g_test_message ("%s at %u", cases[i].text, cases[i].pos);
      g_assert_cmpuint (got, ==, cases[i].length);
      if (cases[i].first_word != NULL)
        {
          g_autofree char *spelled = spell_ids (dict, ids, n_ids);

          g_assert_nonnull (strstr (spelled, cases[i].first_word));
        }
    }
}

static void
test_dictionary_match_bounds (void)
{
  g_autoptr(BtDictionary) dict = load_mini ();
  glong len;
  g_autofree gunichar *text = g_utf8_to_ucs4_fast ("铁路网", -1, &len);

  /* the match never looks past @len */
  g_assert_cmpuint (bt_dictionary_match (dict, text, 2, 0, NULL, NULL), ==, 2);
  g_assert_cmpuint (bt_dictionary_match (dict, text, 1, 0, NULL, NULL), ==, 1);
  g_assert_cmpuint (bt_dictionary_match (dict, text, 3, 3, NULL, NULL), ==, 0);
  g_assert_cmpuint (bt_dictionary_match (dict, NULL, 0, 0, NULL, NULL), ==, 0);
}

static void
test_dictionary_english (void)
{
  static const struct { const char *text; const char *words; } cases[] = {
    { "The railways were built in the west.", "railway build west" },
    { "Experts met at a conference in Lanzhou", "expert meet conferenc lanzhou" },
    { "Rose exports grew 21% to $360 million", "ris export grow million" },
    { "Logistics employment", "logistic employ" },
    { "", "" },
    { "zzz qqq", "" },
  };
  g_autoptr(BtDictionary) dict = load_mini ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GString) s = g_string_new (NULL);

      bt_dictionary_english_ids (dict, cases[i].text, ids);
      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (s, "%s%s", j > 0 ? " " : "",
                                bt_dictionary_word (dict,
                                                    g_array_index (ids, guint32, j)));
      g_assert_cmpstr (s->str, ==, cases[i].words);
    }
}

static void
test_dictionary_vocabulary (void)
{
  g_autoptr(BtDictionary) dict = load_mini ();
  guint n_words = bt_dictionary_get_n_words (dict);

  g_assert_cmpuint (n_words, >, 50);
  for (guint32 id = 0; id < n_words; id++)
    g_assert_cmpuint (bt_dictionary_word_id (dict, bt_dictionary_word (dict, id)),
                      ==, id);
  g_assert_null (bt_dictionary_word (dict, n_words));
  g_assert_cmpuint (bt_dictionary_word_id (dict, "the"), ==, BT_DICTIONARY_NO_WORD);
  g_assert_cmpuint (bt_dictionary_word_id (dict, "nowhere"), ==, BT_DICTIONARY_NO_WORD);
  /* the Traditional and the Simplified forms of 54 entries, some alike */
  g_assert_cmpuint (bt_dictionary_get_n_headwords (dict), ==, 81);
}

/* A private copy of the fixture, so that tests may change it. */
static char *
copy_fixture (const char *dir)
{
  g_autofree char *src = fixture_path ();
  g_autofree char *contents = NULL;
  char *dest = g_build_filename (dir, "dict.u8", NULL);
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
  return dest;
}

static BtDictionary *
load_checked (const char *path,
              const char *cache_dir,
              gboolean    expect_cached)
{
  g_autoptr(GError) error = NULL;
  BtDictionary *dict = bt_dictionary_load_full (path, cache_dir, &error);

  g_assert_no_error (error);
  g_assert_cmpint (bt_dictionary_from_cache (dict), ==, expect_cached);
  g_assert_true (bt_dictionary_lookup (dict, "鐵路網", NULL, NULL));
  g_assert_true (bt_dictionary_lookup (dict, "生态", NULL, NULL));
  return dict;
}

static void
test_dictionary_cache (void)
{
  g_autofree char *dir = make_work_dir ();
  g_autofree char *cache_dir = g_build_filename (dir, "cache", NULL);
  g_autofree char *path = copy_fixture (dir);
  g_autofree char *cache_path = NULL;
  g_autoptr(BtDictionary) first = NULL;
  g_autoptr(BtDictionary) second = NULL;

  first = load_checked (path, cache_dir, FALSE);
  cache_path = g_strdup (bt_dictionary_get_cache_path (first));
  g_assert_nonnull (cache_path);
  g_assert_true (g_str_has_prefix (cache_path, cache_dir));
  g_assert_true (g_file_test (cache_path, G_FILE_TEST_IS_REGULAR));

  second = load_checked (path, cache_dir, TRUE);
  g_assert_cmpuint (bt_dictionary_get_n_words (first), ==,
                    bt_dictionary_get_n_words (second));
  g_assert_cmpuint (bt_dictionary_get_n_headwords (first), ==,
                    bt_dictionary_get_n_headwords (second));

  g_assert_cmpint (g_remove (cache_path), ==, 0);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (cache_dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_dictionary_default_cache_dir (void)
{
  g_autofree char *path = fixture_path ();
  g_autoptr(BtDictionary) dict = bt_dictionary_load (path, NULL);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (),
                                                "bitext", NULL);

  g_assert_nonnull (dict);
  g_assert_true (g_str_has_prefix (bt_dictionary_get_cache_path (dict),
                                   expected));
}

typedef void (*Damage) (char *data, gsize *len);

static void
damage_truncate (char *data, gsize *len) { *len = *len / 2; }
static void
damage_empty (char *data, gsize *len) { *len = 0; }
static void
damage_header (char *data, gsize *len) { *len = 20; }
static void
damage_magic (char *data, gsize *len) { data[0] = 'X'; }
static void
damage_middle (char *data, gsize *len) { data[*len / 2] ^= 0x5A; }
static void
damage_last (char *data, gsize *len) { data[*len - 1] ^= 0x01; }
static void
damage_counts (char *data, gsize *len) { memset (data + 48, 0xFF, 24); }
static void
damage_headwords (char *data, gsize *len) { data[52] ^= 0x01; }
static void
damage_garble (char *data, gsize *len)
{
  for (gsize i = 0; i < *len; i++)
    data[i] = (char) (i * 131 + 7);
}

static void
test_dictionary_corrupt_cache (void)
{
  static const Damage damages[] = {
    damage_truncate, damage_empty, damage_header, damage_magic,
    damage_middle, damage_last, damage_counts, damage_headwords,
    damage_garble,
  };
  g_autofree char *dir = make_work_dir ();
  g_autofree char *path = copy_fixture (dir);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(BtDictionary) built = load_checked (path, dir, i > 0);
      g_autoptr(BtDictionary) rebuilt = NULL;
      g_autoptr(BtDictionary) cached = NULL;
      const char *cache_path = bt_dictionary_get_cache_path (built);
      g_autofree char *data = NULL;
      gsize len;

      g_test_message ("damage %u", i);
      g_assert_true (g_file_get_contents (cache_path, &data, &len, NULL));
      damages[i] (data, &len);
      g_assert_true (g_file_set_contents (cache_path, data, len, NULL));

      rebuilt = load_checked (path, dir, FALSE);
      cached = load_checked (path, dir, TRUE);
    }
}

static void
test_dictionary_stale_cache (void)
{
  g_autofree char *dir = make_work_dir ();
  g_autofree char *path = copy_fixture (dir);
  g_autoptr(BtDictionary) first = load_checked (path, dir, FALSE);
  g_autoptr(BtDictionary) second = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  contents = g_realloc (contents, len + 64);
  strcpy (contents + len, "礦 矿 [kuang4] /mine/ore/\n");
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  second = load_checked (path, dir, FALSE);
  g_assert_true (bt_dictionary_lookup (second, "矿", NULL, NULL));
  g_assert_false (bt_dictionary_lookup (first, "矿", NULL, NULL));
}

static void
test_dictionary_bad_files (void)
{
  static const struct {
    const char *contents;
    int code;
    const char *message;
  } cases[] = {
    { "", BT_ERROR_EMPTY, "holds no entries" },
    { "# only a comment\n", BT_ERROR_EMPTY, "holds no entries" },
    { "鐵 铁 [tie3] /iron/\nnonsense\n", BT_ERROR_FORMAT, "line 2, byte 1:" },
    { "鐵 铁 tie3 /iron/\n", BT_ERROR_FORMAT, "line 1, byte 9:" },
    { "鐵 铁 [tie3 /iron/\n", BT_ERROR_FORMAT, "line 1, byte 9:" },
    { "鐵 铁 [tie3] iron\n", BT_ERROR_FORMAT, "line 1, byte 16:" },
    { "鐵 铁 [tie3] /\n", BT_ERROR_FORMAT, "line 1, byte 16:" },
    { "鐵\n", BT_ERROR_FORMAT, "line 1, byte 1:" },
    { "鐵 铁\n", BT_ERROR_FORMAT, "line 1, byte 5:" },
    { "# ok\n鐵 铁 [tie3] /ir\xff/\n", BT_ERROR_ENCODING, "line 2, byte 19:" },
  };
  g_autofree char *dir = make_work_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.u8", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtDictionary) dict = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      dict = bt_dictionary_load_full (path, dir, &error);
      g_assert_null (dict);
      g_assert_error (error, BT_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_dictionary_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtDictionary) dict = NULL;

  dict = bt_dictionary_load ("/nonexistent/cedict.u8", &error);
  g_assert_null (dict);
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/cedict.u8"));
}

static void
test_dictionary_find_default (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "bitext",
                                           NULL);
  g_autofree char *installed = g_build_filename (dir, "cedict_ts.u8", NULL);
  g_autofree char *found = NULL;
  g_autofree char *from_env = NULL;

  g_unsetenv ("BITEXT_DICTIONARY");
  found = bt_dictionary_find_default ();
  g_assert_false (g_strcmp0 (found, installed) == 0);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (installed, "鐵 铁 [tie3] /iron/\n", -1,
                                      NULL));
  g_clear_pointer (&found, g_free);
  found = bt_dictionary_find_default ();
  g_assert_cmpstr (found, ==, installed);

  g_setenv ("BITEXT_DICTIONARY", "/somewhere/else.u8", TRUE);
  from_env = bt_dictionary_find_default ();
  g_assert_cmpstr (from_env, ==, "/somewhere/else.u8");
  g_unsetenv ("BITEXT_DICTIONARY");
  g_assert_cmpint (g_remove (installed), ==, 0);
}

/* Removes the private directory the test made. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
test_dictionary_find_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *found = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("the compiled settings schema is not in GSETTINGS_SCHEMA_DIR");
      return;
    }

  g_unsetenv ("BITEXT_DICTIONARY");
  settings = g_settings_new_full (schema, NULL, NULL);
  g_assert_true (g_settings_set_string (settings, "dictionary-path",
                                        "/from/settings.u8"));
  found = bt_dictionary_find_default ();
  g_assert_cmpstr (found, ==, "/from/settings.u8");
  g_settings_reset (settings, "dictionary-path");
}

static const char * const private_dirs[] = {
  "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_HOME",
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Set before GLib reads them: the cache and data dirs must be private. */
  home = g_dir_make_tmp ("bitext-test-dictionary-XXXXXX", NULL);
  g_setenv ("BITEXT_TEST_HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (private_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, private_dirs[i], NULL);

      g_setenv (private_dirs[i], dir, TRUE);
    }

  g_test_add_func ("/dictionary/lookup", test_dictionary_lookup);
  g_test_add_func ("/dictionary/missing", test_dictionary_missing);
  g_test_add_func ("/dictionary/match", test_dictionary_match);
  g_test_add_func ("/dictionary/match-bounds", test_dictionary_match_bounds);
  g_test_add_func ("/dictionary/english", test_dictionary_english);
  g_test_add_func ("/dictionary/vocabulary", test_dictionary_vocabulary);
  g_test_add_func ("/dictionary/cache", test_dictionary_cache);
  g_test_add_func ("/dictionary/default-cache-dir",
                   test_dictionary_default_cache_dir);
  g_test_add_func ("/dictionary/corrupt-cache", test_dictionary_corrupt_cache);
  g_test_add_func ("/dictionary/stale-cache", test_dictionary_stale_cache);
  g_test_add_func ("/dictionary/bad-files", test_dictionary_bad_files);
  g_test_add_func ("/dictionary/missing-file", test_dictionary_missing_file);
  g_test_add_func ("/dictionary/find-default", test_dictionary_find_default);
  g_test_add_func ("/dictionary/find-from-settings",
                   test_dictionary_find_from_settings);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
