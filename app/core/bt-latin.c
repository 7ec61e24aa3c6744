/* bt-latin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-chars.h"
#include "bt-latin.h"

/* Full-width forms (Ａ, ５) as their ASCII twins. */
static gunichar
narrow (gunichar c)
{
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

static gboolean
is_alnum (gunichar c)
{
  c = narrow (c);
  return c < 128 && g_ascii_isalnum (c);
}

static gboolean
is_joiner (gunichar c)
{
  c = narrow (c);
  return c == '-' || c == '.' || c == '&';
}

/* Letters and digits count; joiners do not, so "COVID-19" and
 * "COVID19" are one token. */
static guint32
key_of (const gunichar *t,
        gsize           len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    if (is_alnum (t[i]))
      h = (h ^ g_ascii_tolower (narrow (t[i]))) * 16777619u;
  return h;
}

guint32
bt_latin_key (const char *token,
              gssize      len)
{
  g_autofree gunichar *t = NULL;
  glong n;

  g_return_val_if_fail (token != NULL, 0);

  t = g_utf8_to_ucs4_fast (token, len, &n);
  return key_of (t, n);
}

/* The end of the token starting at @i. */
static gsize
token_end (const gunichar *t,
           gsize           len,
           gsize           i,
           gboolean       *has_letter)
{
  *has_letter = FALSE;
  while (i < len)
    {
      if (is_alnum (t[i]))
        *has_letter |= g_ascii_isalpha (narrow (t[i]));
      else if (!(is_joiner (t[i]) && i + 1 < len && is_alnum (t[i + 1])))
        break;
      i++;
    }
  return i;
}

static void
extract (const char *text,
         gboolean    need_letter,
         GArray     *tokens)
{
  BtChars chars;
  const gunichar *t;
  gsize len;

  bt_chars_init (&chars, text);
  t = chars.data;
  len = chars.len;
  for (gsize i = 0; i < len;)
    {
      gboolean has_letter;
      gsize end;

      if (!is_alnum (t[i]))
        {
          i++;
          continue;
        }
      end = token_end (t, len, i, &has_letter);
      if (has_letter || !need_letter)
        {
          BtLatinToken tok = { key_of (t + i, end - i), i, end };

          g_array_append_val (tokens, tok);
        }
      i = end;
    }
  bt_chars_clear (&chars);
}

void
bt_latin_chinese_tokens (const char *text,
                         GArray     *tokens)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (tokens != NULL);

  extract (text, TRUE, tokens);
}

void
bt_latin_english_tokens (const char *text,
                         GArray     *tokens)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (tokens != NULL);

  extract (text, FALSE, tokens);
}
