/* test-align-parts.c: the aligner's sentence index and learnt word pairs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bt-aligner-private.h"
#include "bt-names.h"

typedef struct
{
  char           *cache;
  BtDictionary   *dictionary;
  BtDocument     *source;
  BtDocument     *target;
  BtAlignContext  ctx;
  gboolean        extracted;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  const char *dir = g_getenv ("BITEXT_FIXTURES_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "align", "dict.u8", NULL);
  f->cache = g_dir_make_tmp ("bitext-align-parts-XXXXXX", &error);
  g_assert_no_error (error);
  f->dictionary = bt_dictionary_load_full (path, f->cache, &error);
  g_assert_no_error (error);
  f->source = bt_document_new (BT_LANGUAGE_ZH);
  f->target = bt_document_new (BT_LANGUAGE_EN);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->cache, 0, NULL);
  const char *name;

  if (f->extracted)
    _bt_align_context_clear (&f->ctx);
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  g_clear_pointer (&f->dictionary, bt_dictionary_unref);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->cache, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->cache);
  g_free (f->cache);
}

static void
extract (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  _bt_align_context_init (&f->ctx, f->source, f->target, f->dictionary, BT_ALIGN_UNITS_PARAGRAPHS, BT_SIGNAL_ALL);
  f->extracted = TRUE;
  g_assert_true (_bt_align_extract (&f->ctx, NULL, &error));
  g_assert_no_error (error);
}

/* The sentence of a paragraph that holds a target sentence's words is
 * found, and the paragraph's other sentences are not preferred. */
static void
test_sentences (Fixture      *f,
                gconstpointer data)
{
  g_auto (BtAlignSentences) sentences = { 0 };
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  double best = 0, others = 0;
  guint at = G_MAXUINT;

  bt_document_append_paragraph (f->source, "今天下雨。", 1);
  bt_document_append_paragraph (f->source, "市长说话。新机场有三条跑道。今天宣布。", 2);
  bt_document_append_paragraph (f->target, "The new airport has three runways.", 1);
  extract (f);
  _bt_align_sentences_init (&sentences, &f->ctx);

  g_assert_cmpuint (sentences.n, ==, 4);
  g_assert_cmpuint (sentences.first[0], ==, 0);
  g_assert_cmpuint (sentences.first[1], ==, 1);
  g_assert_cmpuint (sentences.first[2], ==, 4);
  g_assert_cmpuint (sentences.paragraph[0], ==, 0);
  g_assert_cmpuint (sentences.paragraph[3], ==, 1);

  _bt_align_sentences_find (&sentences, &f->ctx, 0, 0, sentences.n, G_MAXUINT, G_MAXUINT, found);
  g_assert_cmpuint (found->len, >, 0);
  for (guint i = 0; i < found->len; i++)
    {
      const BtAlignCandidate *c = &g_array_index (found, BtAlignCandidate, i);

      if (c->matched > best)
        {
          others = MAX (others, best);
          best = c->matched;
          at = c->paragraph;
        }
      else
        others = MAX (others, c->matched);
    }
  /* "新机场有三条跑道" is the second sentence of the second paragraph. */
  g_assert_cmpuint (at, ==, 2);
  g_assert_cmpfloat (best, >, others);

  /* Only the range asked for is searched. */
  g_array_set_size (found, 0);
  _bt_align_sentences_find (&sentences, &f->ctx, 0, 3, 4, G_MAXUINT, G_MAXUINT, found);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpuint (g_array_index (found, BtAlignCandidate, i).paragraph, ==, 3);

  /* A key in more sentences of the range than allowed places nothing. */
  g_array_set_size (found, 0);
  _bt_align_sentences_find (&sentences, &f->ctx, 0, 0, sentences.n, G_MAXUINT, 0, found);
  g_assert_cmpuint (found->len, ==, 0);
}

/* The @i-th of the learning tests' pairs: the same mayor and airport,
 * with @zh and @en added; each sentence renders its paragraph with full
 * confidence. */
static void
add_learn_pair (Fixture    *f,
                guint       i,
                const char *zh,
                const char *en,
                guint      *paragraphs,
                double     *lexical)
{
  g_autofree char *zh_text = g_strdup_printf ("市长说新机场%s。", zh);
  g_autofree char *en_text = g_strdup_printf ("The mayor said the new airport%s.", en);

  bt_document_append_paragraph (f->source, zh_text, i + 1);
  bt_document_append_paragraph (f->target, en_text, i + 1);
  paragraphs[i] = i;
  lexical[i] = 1.0;
}

/* An English word the dictionary lacks learns the Han pair found with it
 * wherever it occurs; a word seen too rarely learns nothing. */
static void
test_learn (Fixture      *f,
            gconstpointer data)
{
  g_auto (BtAlignLearned) learned = { 0 };
  guint paragraphs[48];
  double lexical[48];

  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *zh = g_strconcat (i % 3 == 0 ? "夸威" : "", i == 1 || i == 2 ? "赞布" : "", NULL);
      g_autofree char *en = g_strconcat (i % 3 == 0 ? " is Quarvel" : "", i == 1 || i == 2 ? " near Zembla" : "", NULL);

      add_learn_pair (f, i, zh, en, paragraphs, lexical);
    }
  extract (f);
  _bt_align_learn (&learned, &f->ctx, paragraphs, lexical);

  /* Quarvel goes with 夸威 in paragraphs 0, 3, 6, 9 and on. Every
   * paragraph shares the sentences' other words, which learn their
   * characters too. */
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 0, 0), >, _bt_align_learned_match (&learned, 1, 0) + 0.9);
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 9, 3), >, _bt_align_learned_match (&learned, 1, 3) + 0.9);
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 0, 1), ==, _bt_align_learned_match (&learned, 4, 1));
  /* Zembla is seen twice only. */
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 1, 1), ==, _bt_align_learned_match (&learned, 4, 1));
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 2, 2), ==, _bt_align_learned_match (&learned, 4, 2));
  _bt_align_learned_clear (&learned);

  /* Too few confident pairs teach nothing. */
  for (guint i = 12; i < 48; i++)
    lexical[i] = 0.1;
  _bt_align_learn (&learned, &f->ctx, paragraphs, lexical);
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 0, 0), ==, 0);
  _bt_align_learned_clear (&learned);

  /* Nor do pairs the first path was unsure of. */
  for (guint i = 0; i < 48; i++)
    lexical[i] = 0.1;
  _bt_align_learn (&learned, &f->ctx, paragraphs, lexical);
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 0, 0), ==, 0);
}

/* A word the dictionary knows also learns a pair its entries lack: "rain"
 * is a gloss of 雨, but this document writes 甘霖 for it. */
static void
test_learn_known (Fixture      *f,
                  gconstpointer data)
{
  g_auto (BtAlignLearned) learned = { 0 };
  guint paragraphs[48];
  double lexical[48];

  for (guint i = 0; i < 48; i++)
    add_learn_pair (f, i, i % 3 == 0 ? "甘霖" : "", i % 3 == 0 ? " in rain" : "", paragraphs, lexical);
  extract (f);
  _bt_align_learn (&learned, &f->ctx, paragraphs, lexical);
  /* Paragraphs 3 and 1 share every other word of sentence 3. */
  g_assert_cmpfloat (_bt_align_learned_match (&learned, 3, 3), >, _bt_align_learned_match (&learned, 1, 3) + 0.9);
}

/* Five paragraphs, the third left out: the third English sentence
 * renders the last sentence of the first paragraph, and the path sent it
 * to the second, where only "school" is found; @filler sentences make
 * that paragraph long. */
static void
stones_set_up (Fixture          *f,
               guint             filler,
               BtAlignSentences *sentences,
               BtAlignChoice    *choices)
{
  g_autoptr (GString) long_one = g_string_new ("");
  const guint paragraphs[] = { 0, 0, 1, 3, 4 };
  const char *const en[] = { "The mayor said so.", "The new airport has three runways.",
                             "The meeting discussed education reform at the school.",
                             "The bridge opened to traffic on Monday.",
                             "The chairman said they will hire staff next year." };

  for (guint i = 0; i < filler; i++)
    g_string_append (long_one, "公司去年利润增长百分之十，计划在欧洲开设工厂。");
  g_string_append (long_one, "记者参观学校。");
  bt_document_append_paragraph (f->source, "市长说话。新机场有三条跑道。会议讨论了教育改革。", 1);
  bt_document_append_paragraph (f->source, long_one->str, 2);
  bt_document_append_paragraph (f->source, "约翰编辑报道。", 3);
  bt_document_append_paragraph (f->source, "大桥周一正式通车。", 4);
  bt_document_append_paragraph (f->source, "董事长表示明年招聘员工。", 5);
  for (guint i = 0; i < G_N_ELEMENTS (en); i++)
    bt_document_append_paragraph (f->target, en[i], i + 1);
  extract (f);
  _bt_align_sentences_init (sentences, &f->ctx);
  for (guint i = 0; i < G_N_ELEMENTS (en); i++)
    choices[i] = (BtAlignChoice) { paragraphs[i], 1.0, 0.5, 0, 0.5, sentences->first[paragraphs[i]] + (i == 1) };
}

/* Field by field: the padding between them holds nothing. */
static void
assert_same_choice (const BtAlignChoice *a,
                    const BtAlignChoice *b)
{
  g_assert_cmpuint (a->paragraph, ==, b->paragraph);
  g_assert_cmpfloat (a->score, ==, b->score);
  g_assert_cmpfloat (a->lexical, ==, b->lexical);
  g_assert_cmpuint (a->signals, ==, b->signals);
  g_assert_cmpfloat (a->best_lexical, ==, b->best_lexical);
  g_assert_cmpuint (a->sentence, ==, b->sentence);
}

static void
test_stones (Fixture      *f,
             gconstpointer data)
{
  g_auto (BtAlignSentences) sentences = { 0 };
  BtAlignChoice choices[5], before[5];

  stones_set_up (f, 12, &sentences, choices);
  memcpy (before, choices, sizeof choices);
  _bt_align_drop_stones (&f->ctx, &sentences, choices);
  g_assert_cmpuint (choices[2].paragraph, ==, 0);
  g_assert_cmpuint (choices[2].sentence, ==, sentences.first[0] + 2);
  g_assert_cmpfloat (choices[2].lexical, >, 0);
  for (guint i = 0; i < 5; i++)
    if (i != 2)
      assert_same_choice (&choices[i], &before[i]);

  /* With English next to it on both sides, the long paragraph keeps it. */
  memcpy (choices, before, sizeof choices);
  choices[3].paragraph = 2;
  choices[3].sentence = sentences.first[2];
  _bt_align_drop_stones (&f->ctx, &sentences, choices);
  g_assert_cmpuint (choices[2].paragraph, ==, 1);

  /* Where most paragraphs have no English, an empty one tells nothing. */
  memcpy (choices, before, sizeof choices);
  choices[3].paragraph = choices[4].paragraph = BT_ALIGN_NONE;
  _bt_align_drop_stones (&f->ctx, &sentences, choices);
  g_assert_cmpuint (choices[2].paragraph, ==, 1);
}

/* The second paragraph by its length: with one filler sentence, the
 * one word of it the sentence holds still makes it a stepping stone;
 * with none, the sentence's words stand for much of that short paragraph,
 * which is no stepping stone. */
typedef struct
{
  guint filler;
  guint paragraph; /* where the third sentence ends */
} StonesCase;

static const StonesCase stones_two = { 1, 0 };
static const StonesCase stones_short = { 0, 1 };

static void
test_stones_size (Fixture      *f,
                  gconstpointer data)
{
  const StonesCase *c = data;
  g_auto (BtAlignSentences) sentences = { 0 };
  BtAlignChoice choices[5];

  stones_set_up (f, c->filler, &sentences, choices);
  _bt_align_drop_stones (&f->ctx, &sentences, choices);
  g_assert_cmpuint (choices[2].paragraph, ==, c->paragraph);
}

/* The second path over the fixture's documents, without anchors or
 * learnt pairs. */
static void
second_path (Fixture          *f,
             BtAlignSentences *sentences,
             BtAlignChoice    *choices)
{
  BtAlignAnchors anchors;
  g_autoptr (GError) error = NULL;

  extract (f);
  _bt_align_sentences_init (sentences, &f->ctx);
  _bt_align_anchors_init (&anchors);
  g_assert_true (_bt_align_path_paragraphs (&f->ctx, &anchors, sentences, NULL, 16, choices, NULL, &error));
  g_assert_no_error (error);
  _bt_align_anchors_clear (&anchors);
}

/* Two target sentences matching one source sentence best do not both
 * take it: the second takes the sentence after it, which it matches
 * nearly as well. */
static void
test_path_repeat (Fixture      *f,
                  gconstpointer data)
{
  g_auto (BtAlignSentences) sentences = { 0 };
  BtAlignChoice choices[2];

  bt_document_append_paragraph (f->source, "新机场有三条跑道。新机场有跑道。", 1);
  bt_document_append_paragraph (f->target, "The new airport has three runways.", 1);
  bt_document_append_paragraph (f->target, "The new airport has three runways.", 2);
  second_path (f, &sentences, choices);
  g_assert_cmpuint (choices[0].paragraph, ==, 0);
  g_assert_cmpuint (choices[1].paragraph, ==, 0);
  g_assert_cmpuint (choices[0].sentence, ==, 0);
  g_assert_cmpuint (choices[1].sentence, ==, 1);
}

/* A paragraph sixty sentences long that holds a sentence's words and a
 * common one more does not win it from a short one holding the rare
 * words. */
static void
test_path_size (Fixture      *f,
                gconstpointer data)
{
  const char *filler = "公司去年利润增长百分之十，计划在欧洲开设工厂。";
  g_auto (BtAlignSentences) sentences = { 0 };
  g_autoptr (GString) short_one = g_string_new ("会议讨论教育。");
  g_autoptr (GString) long_one = g_string_new ("今天会议讨论教育。");
  BtAlignChoice choices[3];

  for (guint i = 0; i < 3; i++)
    g_string_append (short_one, filler);
  for (guint i = 0; i < 60; i++)
    g_string_append (long_one, filler);
  bt_document_append_paragraph (f->source, "市长今天说话。", 1);
  bt_document_append_paragraph (f->source, short_one->str, 2);
  bt_document_append_paragraph (f->source, long_one->str, 3);
  bt_document_append_paragraph (f->source, "大桥今天周一正式通车。", 4);
  bt_document_append_paragraph (f->target, "The mayor said so.", 1);
  bt_document_append_paragraph (f->target, "The meeting discussed education today.", 2);
  bt_document_append_paragraph (f->target, "The bridge opened to traffic on Monday.", 3);
  second_path (f, &sentences, choices);
  g_assert_cmpuint (choices[0].paragraph, ==, 0);
  g_assert_cmpuint (choices[1].paragraph, ==, 1);
  g_assert_cmpuint (choices[2].paragraph, ==, 3);
}

/* Twenty-one paragraphs, one a sentence; sixteen of them, three and
 * more away from the eleventh, hold all the words of its sentence, and
 * the eleventh holds one. Crowded out of the best candidates, the
 * paragraph where the path expects the sentence still counts its word. */
static void
test_path_near (Fixture      *f,
                gconstpointer data)
{
  g_auto (BtAlignSentences) sentences = { 0 };
  BtAlignChoice choices[21];

  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *zh = NULL, *en = NULL;

      if (i == 10)
        {
          zh = g_strdup ("今天会议。");
          en = g_strdup ("The meeting discussed education reform.");
        }
      else
        {
          zh = g_strdup_printf ("%u名员工参加。%s", 100 + i, i < 8 || i > 12 ? "会议讨论教育改革。" : "");
          en = g_strdup_printf ("%u staff attended.", 100 + i);
        }
      bt_document_append_paragraph (f->source, zh, i + 1);
      bt_document_append_paragraph (f->target, en, i + 1);
    }
  second_path (f, &sentences, choices);
  g_assert_cmpuint (choices[10].paragraph, ==, 10);
  g_assert_cmpfloat (choices[10].lexical, >, 0);
  g_assert_cmpuint (choices[10].signals & BT_SIGNAL_DICTIONARY, !=, 0);
}

/* A paragraph rendered at all is mostly rendered: a sentence whose
 * words the first sentence of a left-out paragraph shares with that of
 * the next one goes with the next one's other sentences, rather than
 * leave five sentences of the first unrendered and one of the next. */
static void
test_path_gap (Fixture      *f,
               gconstpointer data)
{
  g_auto (BtAlignSentences) sentences = { 0 };
  BtAlignChoice choices[5];

  bt_document_append_paragraph (f->source, "市长今天说话。市长宣布项目。", 1);
  bt_document_append_paragraph (f->source, "会议讨论教育。专家报告。代表参观学校。员工听取报告。记者报道。下次举行。", 2);
  bt_document_append_paragraph (f->source, "会议讨论教育。公司计划开设工厂。大桥周一正式通车。", 3);
  bt_document_append_paragraph (f->target, "The mayor spoke today.", 1);
  bt_document_append_paragraph (f->target, "The mayor announced the project.", 2);
  bt_document_append_paragraph (f->target, "The meeting discussed education.", 3);
  bt_document_append_paragraph (f->target, "The company plans to open a factory.", 4);
  bt_document_append_paragraph (f->target, "The bridge opened to traffic on Monday.", 5);
  second_path (f, &sentences, choices);
  g_assert_cmpuint (choices[1].paragraph, ==, 0);
  g_assert_cmpuint (choices[2].paragraph, ==, 2);
  g_assert_cmpuint (choices[2].sentence, ==, 8);
  g_assert_cmpuint (choices[3].paragraph, ==, 2);
}

/* A word's characters stand for it too when they have few glosses: 立约
 * "make a contract" is found for "established a pact" by 立 and 约; 打
 * has too many for "build" to count. */
static void
test_word_parts (Fixture      *f,
                 gconstpointer data)
{
  guint32 signals = 0;

  bt_document_append_paragraph (f->source, "他们立约了。", 1);
  bt_document_append_paragraph (f->source, "他们打仗了。", 2);
  bt_document_append_paragraph (f->target, "They established a pact.", 1);
  bt_document_append_paragraph (f->target, "They will build.", 2);
  extract (f);
  g_assert_cmpfloat (_bt_align_match (&f->ctx, 0, 0, BT_ALIGN_NONE, &signals), >, 0);
  g_assert_cmpuint (signals, ==, BT_SIGNAL_DICTIONARY);
  g_assert_cmpfloat (_bt_align_match (&f->ctx, 1, 1, BT_ALIGN_NONE, NULL), ==, 0);
}

/* The paragraph a whole alignment links @sentence to, the first when it
 * links it to more, or BT_ALIGN_NONE. */
static guint
linked_paragraph (BtAlignment *alignment,
                  guint        sentence)
{
  guint n = 0;
  const BtAlignLink *links = bt_alignment_get_links (alignment, &n);

  for (guint i = 0; i < n; i++)
    if (links[i].sentence == sentence)
      return links[i].paragraph;
  return BT_ALIGN_NONE;
}

/* Two English sentences render the two sentences of the first
 * paragraph, the second repeating most of the first's words and holding
 * one word of the next paragraph: where its words are found is where it
 * goes, not where the words new to it are. */
static void
test_border (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (BtAligner) aligner = bt_aligner_new (f->dictionary);
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (GError) error = NULL;

  bt_document_append_paragraph (f->source, "市长说新机场有三条跑道。市长说新机场将有跑道。", 1);
  bt_document_append_paragraph (f->source, "市政府今天宣布项目。", 2);
  bt_document_append_paragraph (f->target, "The mayor said the new airport has three runways.", 1);
  bt_document_append_paragraph (f->target, "The mayor said the new airport project will have runways.", 2);
  bt_document_append_paragraph (f->target, "The city government announced it today.", 3);
  alignment = bt_aligner_run (aligner, f->source, f->target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked_paragraph (alignment, 0), ==, 0);
  g_assert_cmpuint (linked_paragraph (alignment, 1), ==, 0);
  g_assert_cmpuint (linked_paragraph (alignment, 2), ==, 1);
}

static gboolean
sound_wanted (guint32  sound,
              gpointer user_data)
{
  const guint32 *sounds = user_data;

  for (guint i = 1; i <= sounds[0]; i++)
    if (sounds[i] == sound)
      return TRUE;
  return FALSE;
}

/* Whether a sound of the English @name is one of the Chinese @han. */
static gboolean
sounds_alike (const char *name,
              const char *han)
{
  guint32 sounds[BT_NAMES_MAX_SOUNDS + 1];
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (BtNameKey));

  sounds[0] = bt_names_english_sounds (name, strlen (name), sounds + 1);
  bt_names_chinese_sound_keys (han, NULL, sound_wanted, sounds, keys);
  return keys->len > 0;
}

/* A name's last consonants after a vowel may be left unrendered, as
 * Chinese syllables end in a vowel or a nasal; a nasal is rendered. */
static void
test_name_ends (void)
{
  g_assert_true (sounds_alike ("Abimelech", "亚比米勒"));
  g_assert_true (sounds_alike ("Sheleph", "沙列"));
  g_assert_true (sounds_alike ("Lazarus", "拉撒路"));
  g_assert_true (sounds_alike ("Hazarmaveth", "哈萨玛非"));
  g_assert_true (sounds_alike ("Smith", "史密斯"));
  /* Canaan's n is 南's: without it, 迦拉 would do. */
  g_assert_true (sounds_alike ("Canaan", "迦南"));
  g_assert_false (sounds_alike ("Canaan", "迦拉"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/align-parts/sentences", Fixture, NULL, fixture_set_up, test_sentences, fixture_tear_down);
  g_test_add ("/align-parts/learn", Fixture, NULL, fixture_set_up, test_learn, fixture_tear_down);
  g_test_add ("/align-parts/learn-known", Fixture, NULL, fixture_set_up, test_learn_known, fixture_tear_down);
  g_test_add ("/align-parts/stones", Fixture, NULL, fixture_set_up, test_stones, fixture_tear_down);
  g_test_add ("/align-parts/path-repeat", Fixture, NULL, fixture_set_up, test_path_repeat, fixture_tear_down);
  g_test_add ("/align-parts/path-size", Fixture, NULL, fixture_set_up, test_path_size, fixture_tear_down);
  g_test_add ("/align-parts/path-near", Fixture, NULL, fixture_set_up, test_path_near, fixture_tear_down);
  g_test_add ("/align-parts/path-gap", Fixture, NULL, fixture_set_up, test_path_gap, fixture_tear_down);
  g_test_add ("/align-parts/word-parts", Fixture, NULL, fixture_set_up, test_word_parts, fixture_tear_down);
  g_test_add ("/align-parts/border", Fixture, NULL, fixture_set_up, test_border, fixture_tear_down);
  g_test_add_func ("/align-parts/name-ends", test_name_ends);
  g_test_add ("/align-parts/stones-two", Fixture, &stones_two, fixture_set_up, test_stones_size, fixture_tear_down);
  g_test_add ("/align-parts/stones-short", Fixture, &stones_short, fixture_set_up, test_stones_size, fixture_tear_down);
  return g_test_run ();
}
