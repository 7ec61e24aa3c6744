/* test-stem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-stem.h"

static void
test_stem_words (void)
{
  static const struct { const char *word; const char *stem; } cases[] = {
    { "cities", "city" },
    { "city", "city" },
    { "Cities", "city" },
    { "developed", "develop" },
    { "developing", "develop" },
    { "development", "develop" },
    { "develops", "develop" },
    { "stopped", "stop" },
    { "stopping", "stop" },
    { "making", "mak" },
    { "make", "mak" },
    { "makes", "mak" },
    { "made", "mak" },
    { "said", "say" },
    { "says", "say" },
    { "quickly", "quick" },
    { "cooperation", "cooperat" },
    { "cooperate", "cooperat" },
    { "taxes", "tax" },
    { "classes", "class" },
    { "status", "status" },
    { "crisis", "crisis" },
    { "agreed", "agre" },
    { "agree", "agre" },
    { "studied", "study" },
    { "studies", "study" },
    { "happiness", "happi" },
    { "GDP", "gdp" },
    { "bus", "bus" },
    { "is", "is" },
    { "women", "woman" },
    { "modernization", "moderniz" },
    { "modernize", "moderniz" },
    { "sing", "sing" },
    { "red", "red" },
    { "creepeth", "creep" },
    { "moveth", "mov" },
    { "begat", "beget" },
    { "teeth", "tooth" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = bt_stem_word (cases[i].word, -1);

      g_test_message ("%s", cases[i].word);
      g_assert_cmpstr (stem, ==, cases[i].stem);
    }
}

static void
test_stem_length (void)
{
  g_autofree char *stem = bt_stem_word ("walkingXYZ", 7);

  g_assert_cmpstr (stem, ==, "walk");
}

static void
test_stem_stop_words (void)
{
  static const struct { const char *word; gboolean stop; } cases[] = {
    { "the", TRUE }, { "of", TRUE }, { "has", TRUE }, { "us", TRUE },
    { "china", FALSE }, { "use", FALSE }, { "economy", FALSE },
    { "sb", TRUE }, { "may", TRUE }, { "yuan", FALSE },
    { "thou", TRUE }, { "unto", TRUE }, { "art", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bt_stem_is_stop_word (cases[i].word), ==, cases[i].stop);
}

static void
collect_cb (const char *stem,
            guint       start,
            guint       end,
            gpointer    user_data)
{
  g_string_append_printf (user_data, "%s%s@%u-%u",
                          ((GString *) user_data)->len > 0 ? " " : "",
                          stem, start, end);
}

static void
test_stem_foreach (void)
{
  static const struct {
    const char *text;
    gboolean keep;
    const char *expected;
  } cases[] = {
    { "The cities grew.", FALSE, "city@4-10 grow@11-15" },
    { "The cities grew.", TRUE, "the@0-3 city@4-10 grow@11-15" },
    { "China's economy", FALSE, "china@0-5 economy@8-15" },
    { "China\u2019s 5G networks", FALSE, "china@0-5 5g@8-10 network@11-19" },
    { "Café crème", FALSE, "café@0-4 crèm@5-10" },
    { "中国 GDP", FALSE, "gdp@3-6" },
    { "", FALSE, "" },
    { "--- ...", FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      bt_stem_foreach (cases[i].text, cases[i].keep, collect_cb, out);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stem/words", test_stem_words);
  g_test_add_func ("/stem/length", test_stem_length);
  g_test_add_func ("/stem/stop-words", test_stem_stop_words);
  g_test_add_func ("/stem/foreach", test_stem_foreach);

  return g_test_run ();
}
