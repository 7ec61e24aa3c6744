/* bt-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-error.h"
#include "bt-types.h"

G_DEFINE_QUARK (bt-error-quark, bt_error)

const char *
bt_language_to_string (BtLanguage language)
{
  return language == BT_LANGUAGE_ZH ? "zh" : "en";
}

gboolean
bt_language_from_string (const char *string,
                         BtLanguage *language)
{
  g_return_val_if_fail (string != NULL, FALSE);

  if (g_ascii_strncasecmp (string, "zh", 2) == 0)
    *language = BT_LANGUAGE_ZH;
  else if (g_ascii_strncasecmp (string, "en", 2) == 0)
    *language = BT_LANGUAGE_EN;
  else
    return FALSE;

  return TRUE;
}
