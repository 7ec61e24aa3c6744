/* test-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bt-names.h"

static void
test_names_name_form (void)
{
  static const struct { const char *han; const char *form; } cases[] = {
    { "习近平", "xi jinping" },
    { "習近平", "xi jinping" },
    { "林振华", "lin zhenhua" },
    { "马文斌", "ma wenbin" },
    { "周明远", "zhou mingyuan" },
    { "李强", "li qiang" },
    { "曾国藩", "zeng guofan" },
    { "欧阳修", "ouyang xiu" },
    { "重庆", "chongqing" },
    { "重慶", "chongqing" },
    { "陕西", "shaanxi" },
    { "陝西", "shaanxi" },
    { "山西", "shanxi" },
    { "兰州", "lanzhou" },
    { "蘭州", "lanzhou" },
    { "香港", "hong kong" },
    { "西宁", "xining" },
    { "成都", "chengdu" },
    { "东南亚", "dongnanya" },
    { "abc", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *form = bt_names_name_form (cases[i].han);

      g_test_message ("%s", cases[i].han);
      g_assert_cmpstr (form, ==, cases[i].form);
    }
}

static void
test_names_reading (void)
{
  static const struct { gunichar c; const char *reading; } cases[] = {
    { 0x4E60 /* 习 */, "xi" },
    { 0x7FD2 /* 習 */, "xi" },
    { 0x5170 /* 兰 */, "lan" },
    { 0x5415 /* 吕 */, "lu" },
    { 'a', NULL },
    { 0x3002 /* 。 */, NULL },
    { 0x1F600, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (bt_names_reading (cases[i].c), ==, cases[i].reading);
      /* the second time comes from the cache */
      g_assert_cmpstr (bt_names_reading (cases[i].c), ==, cases[i].reading);
    }
}

static gboolean
shares_key (const char *zh,
            const char *en,
            guint      *zh_start,
            guint      *zh_end)
{
  g_autoptr(GArray) zk = g_array_new (FALSE, FALSE, sizeof (BtNameKey));
  g_autoptr(GArray) ek = g_array_new (FALSE, FALSE, sizeof (BtNameKey));
  gboolean found = FALSE;

  bt_names_chinese_keys (zh, zk);
  bt_names_english_keys (en, ek);
  for (guint i = 0; i < zk->len; i++)
    for (guint j = 0; j < ek->len; j++)
      {
        const BtNameKey *a = &g_array_index (zk, BtNameKey, i);
        const BtNameKey *b = &g_array_index (ek, BtNameKey, j);

        /* the longest shared name wins */
        if (a->key == b->key && (!found || a->end - a->start > *zh_end - *zh_start))
          {
            *zh_start = a->start;
            *zh_end = a->end;
            found = TRUE;
          }
      }
  return found;
}

static void
test_names_match (void)
{
  static const struct {
    const char *zh;
    const char *en;
    int start; /* -1: no name in common */
    int end;
  } cases[] = {
    { "交通运输部部长林振华23日表示", "Transport Minister Lin Zhenhua said", 7, 10 },
    { "国家主席习近平会见", "President Xi Jinping met", 4, 7 },
    { "國家主席習近平會見", "President Xi Jinping met", 4, 7 },
    { "连接兰州、西宁、成都、重庆等", "such as Chongqing", 11, 13 },
    { "兰渝铁路", "the Lanzhou-Chongqing railway", -1, -1 },
    { "陕西省", "Shaanxi Province", 0, 2 },
    { "在香港举行", "held in Hong Kong", 1, 3 },
    { "兰州交通大学教授周明远", "Zhou Mingyuan, a professor", 8, 11 },
    { "甘肃省副省长马文斌介绍", "said Vice Governor Ma Wenbin.", 6, 9 },
    { "西安", "in Xi'an", 0, 2 },
    { "林振华说", "Lin Zhenhua's plan", 0, 3 },
    { "林振华说", "LIN ZHENHUA", 0, 3 },
    { "長沙市", "Changsha", 0, 2 },
    { "专家认为", "Experts say", -1, -1 },
    { "习近平", "xi jinping in lower case", -1, -1 },
    { "", "Xi Jinping", -1, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint start = 0, end = 0;
      gboolean found = shares_key (cases[i].zh, cases[i].en, &start, &end);

      g_test_message ("%s | %s", cases[i].zh, cases[i].en);
      g_assert_cmpint (found, ==, cases[i].start >= 0);
      if (found)
        {
          g_assert_cmpuint (start, ==, cases[i].start);
          g_assert_cmpuint (end, ==, cases[i].end);
        }
    }
}

static gboolean
is_wanted (guint32  sound,
           gpointer user_data)
{
  return g_hash_table_contains (user_data, GUINT_TO_POINTER (sound));
}

/* The longest run of @zh that sounds like a word of @en; @blocked marks
 * the characters of known words, as the aligner does. */
static gboolean
shares_sound (const char *zh,
              const char *en,
              const char *blocked,
              guint      *zh_start,
              guint      *zh_end)
{
  g_autoptr(GHashTable) sounds = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (BtNameKey));
  g_auto(GStrv) words = g_strsplit (en, " ", -1);
  gboolean found = FALSE;

  for (guint w = 0; words[w] != NULL; w++)
    {
      guint32 found_sounds[BT_NAMES_MAX_SOUNDS];
      guint n = bt_names_english_sounds (words[w], strlen (words[w]), found_sounds);

      g_assert_cmpuint (n, <=, BT_NAMES_MAX_SOUNDS);
      for (guint i = 0; i < n; i++)
        g_hash_table_add (sounds, GUINT_TO_POINTER (found_sounds[i]));
    }
  bt_names_chinese_sound_keys (zh, (const guint8 *) blocked, is_wanted, sounds, keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const BtNameKey *k = &g_array_index (keys, BtNameKey, i);

      g_assert_true (g_hash_table_contains (sounds, GUINT_TO_POINTER (k->key)));
      if (!found || k->end - k->start > *zh_end - *zh_start)
        {
          *zh_start = k->start;
          *zh_end = k->end;
          found = TRUE;
        }
    }
  return found;
}

static void
test_names_sounds (void)
{
  static const struct {
    const char *zh;
    const char *en;
    const char *blocked; /* NULL, or one byte per character */
    int start;           /* -1: nothing sounds alike */
    int end;
  } cases[] = {
    { "特朗普表示", "Trump", NULL, 0, 3 },
    { "法国总统马克龙说", "Macron", NULL, 4, 7 },
    { "泽连斯基呼吁", "Zelensky", NULL, 0, 4 },
    { "默克尔", "Merkel", NULL, 0, 3 },
    { "拜登政府", "Biden", NULL, 0, 2 },
    { "华盛顿", "Washington", NULL, 0, 3 },
    { "以色列", "Israel", NULL, 0, 3 },
    { "约坍", "Jotham", NULL, 0, 2 },
    { "亚伯拉罕", "Abraham", NULL, 0, 4 },
    { "司提反", "Stephen", NULL, 0, 3 },
    { "亚历山大", "Alexander", NULL, 0, 4 },
    { "乌克兰人", "Ukrainians", NULL, 0, 3 },
    { "迦南人", "Canaanites", NULL, 0, 2 },
    { "威尔逊", "Wilson", NULL, 0, 3 },
    { "悉帕", "Zilpah", NULL, 0, 2 },
    { "巴勒", "Balak", NULL, 0, 2 },
    { "史密斯", "Smith", NULL, 0, 3 },
    { "汤普森", "Thompson", NULL, 0, 3 },
    /* other names, common words */
    { "马克龙", "Merkel", NULL, -1, -1 },
    { "拜登", "Boston", NULL, -1, -1 },
    { "天气很好", "Trump Macron", NULL, -1, -1 },
    /* one class is too short a sound: 约翰 and John are only "n" */
    { "约翰", "John", NULL, -1, -1 },
    /* 仆人 (pu ren) sounds like Hebron, but it is a word */
    { "仆人", "Hebron", NULL, 0, 2 },
    { "仆人", "Hebron", "\1\1", -1, -1 },
    { "大坍和他们", "Dathan", "\0\0\0\1\1", 0, 2 },
    /* le-qi-ri sounds like Rachel, but 了 and 七 are never a name's */
    { "过了七日", "Rachel", NULL, -1, -1 },
    { "拿答死了", "Nadab", NULL, 0, 2 },
    { "", "Trump", NULL, -1, -1 },
    { "特朗普", "", NULL, -1, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint start = 0, end = 0;
      gboolean found = shares_sound (cases[i].zh, cases[i].en, cases[i].blocked, &start, &end);

      g_test_message ("%s | %s", cases[i].zh, cases[i].en);
      g_assert_cmpint (found, ==, cases[i].start >= 0);
      if (found)
        {
          g_assert_cmpuint (start, ==, cases[i].start);
          g_assert_cmpuint (end, ==, cases[i].end);
        }
    }
}

/* Sounds of words that are no names, or too long, are not given. */
static void
test_names_english_sounds (void)
{
  static const char * const none[] = {
    "", "A", "Ian", "R2D2", "Aaaaaaaaa", "Bdbdbdbdbdbdbdbdbdbdbdbd",
  };
  guint32 sounds[BT_NAMES_MAX_SOUNDS];
  guint32 jotham[BT_NAMES_MAX_SOUNDS];
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    g_assert_cmpuint (bt_names_english_sounds (none[i], strlen (none[i]), sounds), ==, 0);
  /* the same letters, whatever their case */
  n = bt_names_english_sounds ("Jotham", 6, jotham);
  g_assert_cmpuint (n, ==, bt_names_english_sounds ("JOTHAM", 6, sounds));
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (jotham[i], ==, sounds[i]);
  /* j and ch each may be said two ways: s-k, s, k or nothing then s,
   * the sounds given once each */
  n = bt_names_english_sounds ("Jochebed", 8, sounds);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpuint (sounds[i], !=, sounds[j]);
}

static void
test_names_english_spans (void)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (BtNameKey));
  const BtNameKey *k;

  bt_names_english_keys ("Officials: Xi Jinping", keys);
  /* Officials; Xi, Xi Jinping, Jinping */
  g_assert_cmpuint (keys->len, ==, 4);
  k = &g_array_index (keys, BtNameKey, 2);
  g_assert_cmpuint (k->start, ==, 11);
  g_assert_cmpuint (k->end, ==, 21);
}

static char *
readings_cache (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "bitext",
                                           NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "readings-"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static gpointer
name_form_thread (gpointer data)
{
  return bt_names_name_form (data);
}

/* Each run is a new process, as the readings are read once per process;
 * several threads ask for them at once. */
static void
test_names_cache_child (void)
{
  GThread *threads[4];
  g_autofree char *form = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("names", name_form_thread, (gpointer) "習近平");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *other = g_thread_join (threads[i]);

      g_assert_cmpstr (other, ==, "xi jinping");
    }

  form = bt_names_name_form ("習近平");
  g_assert_cmpstr (form, ==, "xi jinping");
  g_assert_cmpstr (bt_names_reading (0x9F8D /* 龍 */), ==, "long");
  g_assert_cmpstr (bt_names_reading (0x4E2D /* 中 */), ==, "zhong");
  g_assert_cmpstr (bt_names_reading (0xAC00 /* 가 */), ==, NULL);
}

static void
run_child (void)
{
  g_test_trap_subprocess ("/names/cache/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

typedef void (*Damage) (char *data, gsize *len);

static void damage_truncate (char *data, gsize *len) { *len -= 7; }
static void damage_middle (char *data, gsize *len) { data[*len / 2] ^= 0x21; }
static void damage_syllable (char *data, gsize *len) { data[*len - 2] = '#'; }

static void
test_names_cache (void)
{
  /* each damage costs a full rebuild, so only a few */
  static const Damage damages[] = {
    damage_truncate, damage_middle, damage_syllable,
  };
  g_autofree char *path = readings_cache ();
  g_autofree char *built = NULL;
  gsize built_len;

  if (path != NULL)
    g_assert_cmpint (g_remove (path), ==, 0);
  run_child ();
  g_clear_pointer (&path, g_free);
  path = readings_cache ();
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &built, &built_len, NULL));
  run_child ();

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *data = g_memdup2 (built, built_len);
      g_autofree char *rebuilt = NULL;
      gsize len = built_len;

      damages[i] (data, &len);
      g_assert_true (g_file_set_contents (path, data, len, NULL));
      run_child ();
      g_assert_true (g_file_get_contents (path, &rebuilt, &len, NULL));
      g_assert_cmpmem (rebuilt, len, built, built_len);
    }
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  gboolean parent;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* a private cache, shared with the children run from this process */
  cache = g_strdup (g_getenv ("BITEXT_TEST_CACHE"));
  parent = cache == NULL;
  if (parent)
    {
      cache = g_dir_make_tmp ("bitext-test-names-XXXXXX", NULL);
      g_setenv ("BITEXT_TEST_CACHE", cache, TRUE);
    }
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_add_func ("/names/name-form", test_names_name_form);
  g_test_add_func ("/names/reading", test_names_reading);
  g_test_add_func ("/names/match", test_names_match);
  g_test_add_func ("/names/english-spans", test_names_english_spans);
  g_test_add_func ("/names/sounds", test_names_sounds);
  g_test_add_func ("/names/english-sounds", test_names_english_sounds);
  g_test_add_func ("/names/cache", test_names_cache);
  g_test_add_func ("/names/cache/child", test_names_cache_child);

  status = g_test_run ();
  if (parent)
    remove_tree (cache);
  return status;
}
