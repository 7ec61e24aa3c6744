/* test-latin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-latin.h"

/* Tokens as START-END, with the key checked against the token's text. */
static char *
describe (const char *text,
          gboolean    chinese)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (BtLatinToken));
  g_autoptr(GString) s = g_string_new (NULL);

  if (chinese)
    bt_latin_chinese_tokens (text, tokens);
  else
    bt_latin_english_tokens (text, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      const BtLatinToken *t = &g_array_index (tokens, BtLatinToken, i);
      const char *from = g_utf8_offset_to_pointer (text, t->start);
      const char *to = g_utf8_offset_to_pointer (text, t->end);

      g_assert_cmpuint (t->key, ==, bt_latin_key (from, to - from));
      g_string_append_printf (s, "%s%.*s", i > 0 ? " " : "", (int) (to - from), from);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_latin_chinese (void)
{
  static const struct { const char *text; const char *tokens; } cases[] = {
    { "推进5G网络建设", "5G" },
    { "中共（CPC）中央", "CPC" },
    { "GDP增长5.2%", "GDP" },
    { "新冠肺炎（COVID-19）疫情", "COVID-19" },
    { "苹果iPhone 15发布", "iPhone" },
    { "ＡＰＥＣ会议", "ＡＰＥＣ" },
    { "A股和B股", "A B" },
    { "AT&T公司", "AT&T" },
    { "2024年4月", "" },
    { "CPC.", "CPC" },
    { "-GDP-", "GDP" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = describe (cases[i].text, TRUE);

      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

static void
test_latin_english (void)
{
  g_autofree char *got = describe ("The 5G rollout, GDP up 5.2%.", FALSE);

  g_assert_cmpstr (got, ==, "The 5G rollout GDP up 5.2");
}

static void
test_latin_keys (void)
{
  static const struct { const char *a; const char *b; gboolean equal; } cases[] = {
    { "CPC", "cpc", TRUE },
    { "ＣＰＣ", "CPC", TRUE },
    { "COVID-19", "covid19", TRUE },
    { "5G", "5g", TRUE },
    { "5G", "4G", FALSE },
    { "GDP", "GNP", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bt_latin_key (cases[i].a, -1) == bt_latin_key (cases[i].b, -1),
                     ==, cases[i].equal);
}

/* A Chinese token is rendered when its key is among the English ones. */
static void
test_latin_rendered (void)
{
  static const struct { const char *zh; const char *en; gboolean rendered; } cases[] = {
    { "推进5G网络建设", "to build 5G networks", TRUE },
    { "推进5G网络建设", "to build fifth-generation networks", FALSE },
    { "中共（CPC）", "the CPC Central Committee", TRUE },
    { "ＧＤＰ增长", "gdp grew", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) zh = g_array_new (FALSE, FALSE, sizeof (BtLatinToken));
      g_autoptr(GArray) en = g_array_new (FALSE, FALSE, sizeof (BtLatinToken));
      gboolean found = FALSE;

      bt_latin_chinese_tokens (cases[i].zh, zh);
      bt_latin_english_tokens (cases[i].en, en);
      g_assert_cmpuint (zh->len, ==, 1);
      for (guint j = 0; j < en->len; j++)
        found |= g_array_index (en, BtLatinToken, j).key ==
                 g_array_index (zh, BtLatinToken, 0).key;
      g_assert_cmpint (found, ==, cases[i].rendered);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/latin/chinese", test_latin_chinese);
  g_test_add_func ("/latin/english", test_latin_english);
  g_test_add_func ("/latin/keys", test_latin_keys);
  g_test_add_func ("/latin/rendered", test_latin_rendered);

  return g_test_run ();
}
