/* bt-error.h: the error domain of libbitext-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BT_ERROR (bt_error_quark ())

typedef enum
{
  BT_ERROR_EMPTY,            /* the file holds nothing */
  BT_ERROR_TOO_LARGE,        /* over the size limit */
  BT_ERROR_BINARY,           /* NUL bytes: not a text file */
  BT_ERROR_ENCODING,         /* bytes invalid in the chosen encoding */
  BT_ERROR_UNKNOWN_ENCODING, /* an encoding name we do not handle */
  BT_ERROR_NO_SOURCE,        /* a bilingual file without Chinese */
  BT_ERROR_NO_TARGET,        /* a bilingual file without English */
  BT_ERROR_XML,              /* malformed or hostile XML */
  BT_ERROR_FORMAT,           /* well-formed, but not a file we can read */
  BT_ERROR_INVALID,          /* a value out of range */
  BT_ERROR_IO,               /* reading or writing failed */
} BtError;

GQuark bt_error_quark (void);

G_END_DECLS
