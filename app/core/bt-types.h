/* bt-types.h: forward declarations shared by the whole core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BtText     BtText;
typedef struct _BtDocument BtDocument;
typedef struct _BtReview   BtReview;

typedef enum
{
  BT_LANGUAGE_ZH,
  BT_LANGUAGE_EN,
} BtLanguage;

/* A half-open range [start, end) of Unicode code points. */
typedef struct
{
  guint start;
  guint end;
} BtSpan;

const char *bt_language_to_string   (BtLanguage  language);
gboolean    bt_language_from_string (const char *string,
                                     BtLanguage *language);

G_END_DECLS
