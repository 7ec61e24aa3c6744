/* bt-stem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-stem.h"

static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am",
  "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
  "below", "between", "both", "but", "by", "can", "could", "did", "do",
  "does", "doing", "down", "during", "each", "etc", "few", "fig", "for",
  "from", "further", "had", "has", "have", "having", "he", "her", "here",
  "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
  "into", "is", "it", "its", "itself", "just", "lit", "may", "me",
  "might", "more", "most", "must", "my", "myself", "no", "nor", "not",
  "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
  "ourselves", "out", "over", "own", "s", "same", "sb", "she", "should",
  "so", "some", "sth", "such", "than", "that", "the", "their", "theirs",
  "them", "themselves", "then", "there", "these", "they", "this", "those",
  "through", "to", "too", "under", "until", "up", "upon", "us", "very",
  "was", "we", "were", "what", "when", "where", "which", "while", "who",
  "whom", "whose", "why", "will", "with", "would", "you", "your", "yours",
  "yourself", "yourselves",
  /* the English of the King James Bible */
  "thou", "thee", "thy", "thine", "ye", "unto", "hath", "doth", "shalt",
  "shall", "wilt", "hast", "didst", "thereof", "wherein", "whereof",
  "hither", "thither", "lo", "yea",
};

/* Irregular forms mapped to the stem of their base form. */
static const char * const irregular[][2] = {
  { "said", "say" }, { "says", "say" }, { "made", "make" },
  { "went", "go" }, { "gone", "go" }, { "gave", "give" },
  { "given", "give" }, { "took", "take" }, { "taken", "take" },
  { "held", "hold" }, { "met", "meet" }, { "built", "build" },
  { "grew", "grow" }, { "grown", "grow" }, { "rose", "rise" },
  { "risen", "rise" }, { "fell", "fall" }, { "fallen", "fall" },
  { "won", "win" }, { "paid", "pay" }, { "sent", "send" },
  { "spent", "spend" }, { "bought", "buy" }, { "sold", "sell" },
  { "told", "tell" }, { "thought", "think" }, { "brought", "bring" },
  { "found", "find" }, { "became", "become" }, { "began", "begin" },
  { "begun", "begin" }, { "came", "come" }, { "saw", "see" },
  { "seen", "see" }, { "knew", "know" }, { "known", "know" },
  { "led", "lead" }, { "kept", "keep" }, { "men", "man" },
  { "women", "woman" }, { "children", "child" }, { "feet", "foot" },
  { "teeth", "tooth" }, { "wrote", "write" }, { "written", "write" },
  { "spoke", "speak" }, { "spoken", "speak" }, { "chose", "choose" },
  { "chosen", "choose" }, { "drove", "drive" }, { "driven", "drive" },
  { "ran", "run" }, { "stood", "stand" }, { "understood", "understand" },
  { "begat", "beget" }, { "spake", "speak" }, { "slew", "slay" },
  { "saith", "say" }, { "brake", "break" }, { "sware", "swear" },
};

static GHashTable *
stop_word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (t, (gpointer) stop_words[i]);
      g_once_init_leave (&table, t);
    }

  return table;
}

gboolean
bt_stem_is_stop_word (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  return g_hash_table_contains (stop_word_table (), word);
}

static gboolean
is_vowel (const GString *s,
          gsize          i)
{
  char c = s->str[i];

  if (strchr ("aeiou", c) != NULL)
    return TRUE;
  /* y after a consonant sounds as a vowel: "cry", "style" */
  return c == 'y' && i > 0 && !is_vowel (s, i - 1);
}

static gboolean
has_vowel (const GString *s,
           gsize          len)
{
  for (gsize i = 0; i < len; i++)
    if (is_vowel (s, i))
      return TRUE;
  return FALSE;
}

static gboolean
ends_with (const GString *s,
           const char    *suffix)
{
  gsize n = strlen (suffix);

  return s->len >= n && memcmp (s->str + s->len - n, suffix, n) == 0;
}

/* Replaces @suffix by @by when what remains is at least @min_stem long. */
static gboolean
replace_suffix (GString    *s,
                const char *suffix,
                const char *by,
                gsize       min_stem)
{
  gsize n = strlen (suffix);

  if (!ends_with (s, suffix) || s->len - n < min_stem)
    return FALSE;
  g_string_truncate (s, s->len - n);
  g_string_append (s, by);
  return TRUE;
}

static void
strip_plural (GString *s)
{
  if (s->len <= 3 || s->str[s->len - 1] != 's')
    return;
  if (replace_suffix (s, "ies", "y", 2) ||
      replace_suffix (s, "sses", "ss", 2) ||
      replace_suffix (s, "xes", "x", 1) ||
      replace_suffix (s, "ches", "ch", 1) ||
      replace_suffix (s, "shes", "sh", 1) ||
      replace_suffix (s, "zzes", "zz", 1))
    return;
  if (ends_with (s, "ss") || ends_with (s, "us") || ends_with (s, "is"))
    return;
  g_string_truncate (s, s->len - 1);
}

/* After -ed/-ing: "stopped" → "stop", not "stopp". */
static void
undouble (GString *s)
{
  gsize n = s->len;
  char c;

  if (n < 3)
    return;
  c = s->str[n - 1];
  if (c == s->str[n - 2] && strchr ("aeioulsz", c) == NULL)
    g_string_truncate (s, n - 1);
}

static void
strip_verb_endings (GString *s)
{
  if (replace_suffix (s, "eed", "ee", 2))
    return;
  if (replace_suffix (s, "ied", "y", 2))
    return;
  if (ends_with (s, "ed") && s->len > 4 && has_vowel (s, s->len - 2))
    {
      g_string_truncate (s, s->len - 2);
      undouble (s);
      return;
    }
  if (ends_with (s, "ing") && s->len > 5 && has_vowel (s, s->len - 3))
    {
      g_string_truncate (s, s->len - 3);
      undouble (s);
      return;
    }
  /* "creepeth", "moveth" */
  if (ends_with (s, "eth") && s->len >= 6 && has_vowel (s, s->len - 3))
    g_string_truncate (s, s->len - 3);
}

static void
strip_derivations (GString *s)
{
  if (replace_suffix (s, "ization", "ize", 3) ||
      replace_suffix (s, "isation", "ize", 3) ||
      replace_suffix (s, "ational", "ate", 3) ||
      replace_suffix (s, "ation", "ate", 3) ||
      replace_suffix (s, "ment", "", 4) ||
      replace_suffix (s, "ness", "", 3) ||
      replace_suffix (s, "ily", "y", 3))
    return;
  if (s->len > 5)
    replace_suffix (s, "ly", "", 3);
}

static GHashTable *
irregular_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (irregular); i++)
        g_hash_table_insert (t, (gpointer) irregular[i][0],
                             (gpointer) irregular[i][1]);
      g_once_init_leave (&table, t);
    }

  return table;
}

/* Stems @s, already folded, in place. */
static void
stem_folded (GString *s)
{
  const char *base = g_hash_table_lookup (irregular_table (), s->str);

  if (base != NULL)
    g_string_assign (s, base);
  if (ends_with (s, "'s"))
    g_string_truncate (s, s->len - 2);
  strip_plural (s);
  strip_verb_endings (s);
  strip_derivations (s);
  /* "make", "makes" and "making" all end as "mak" */
  if (s->len > 3 && s->str[s->len - 1] == 'e')
    g_string_truncate (s, s->len - 1);
}

/* Folds @len bytes of @word into @s, quickly when they are ASCII. */
static void
fold_into (GString    *s,
           const char *word,
           gsize       len)
{
  g_autofree char *folded = NULL;

  g_string_truncate (s, 0);
  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) word[i] >= 0x80)
        {
          folded = g_utf8_casefold (word, len);
          g_string_assign (s, folded);
          return;
        }
      g_string_append_c (s, g_ascii_tolower (word[i]));
    }
}

char *
bt_stem_word (const char *word,
              gssize      len)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (word != NULL, NULL);

  fold_into (s, word, len < 0 ? strlen (word) : (gsize) len);
  stem_folded (s);
  return g_string_free (s, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) && g_unichar_type (c) != G_UNICODE_OTHER_LETTER;
}

static void
emit_word (GString        *buf,
           const char     *start,
           const char     *end,
           guint           cp_start,
           guint           cp_end,
           gboolean        keep_stop_words,
           BtStemWordFunc  func,
           gpointer        user_data)
{
  fold_into (buf, start, end - start);
  if (!keep_stop_words && bt_stem_is_stop_word (buf->str))
    return;
  stem_folded (buf);
  func (buf->str, cp_start, cp_end, user_data);
}

/* "China's": the "s" after the apostrophe is no word. */
static const char *
skip_possessive (const char *p,
                 guint      *cp)
{
  gunichar c = g_utf8_get_char (p);
  const char *s;

  if (c != '\'' && c != 0x2019)
    return p;
  s = g_utf8_next_char (p);
  if ((*s != 's' && *s != 'S') || is_word_char (g_utf8_get_char (s + 1)))
    return p;
  *cp += 2;
  return s + 1;
}

static void
free_word_buffer (gpointer buf)
{
  g_string_free (buf, TRUE);
}

/* Stemming a sentence's words needs one buffer, kept from one sentence to
 * the next: the target's sentences come by the million. */
static GPrivate word_buffer = G_PRIVATE_INIT (free_word_buffer);

static void
put_word_buffer (GString *buf)
{
  if (g_private_get (&word_buffer) == NULL && buf->allocated_len <= 4096)
    g_private_set (&word_buffer, buf);
  else
    g_string_free (buf, TRUE);
}

void
bt_stem_foreach (const char     *text,
                 gboolean        keep_stop_words,
                 BtStemWordFunc  func,
                 gpointer        user_data)
{
  GString *buf;
  const char *p = text;
  guint cp = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (func != NULL);

  /* A buffer for each thread, taken while in use: @func may stem words
   * itself. */
  buf = g_private_get (&word_buffer);
  if (buf != NULL)
    g_private_set (&word_buffer, NULL);
  else
    buf = g_string_sized_new (32);

  while (*p != '\0')
    {
      const char *word = p;
      guint cp_word = cp;

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          cp++;
        }
      if (p > word)
        {
          emit_word (buf, word, p, cp_word, cp, keep_stop_words, func,
                     user_data);
          /* "China's": the "s" after the apostrophe is no word */
          p = skip_possessive (p, &cp);
          continue;
        }
      p = g_utf8_next_char (p);
      cp++;
    }
  put_word_buffer (buf);
}
