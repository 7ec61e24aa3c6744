/* bt-cli-main.c: bitext-cli, the core without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bt-cli.h"

static int (* const runs[]) (const BtCliOptions *options) = {
  [BT_CLI_COMMAND_SEGMENT] = bt_cli_segment,
  [BT_CLI_COMMAND_SPLIT] = bt_cli_split,
  [BT_CLI_COMMAND_CONVERT] = bt_cli_convert,
  [BT_CLI_COMMAND_VALIDATE] = bt_cli_validate,
  [BT_CLI_COMMAND_STATS] = bt_cli_stats,
  [BT_CLI_COMMAND_ALIGN] = bt_cli_align,
};

G_STATIC_ASSERT (G_N_ELEMENTS (runs) == BT_CLI_N_COMMANDS);

void
bt_cli_error (const char *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("bitext-cli: %s\n", message);
}

/* The help of a command goes through g_print(), as GLib would print it. */
static int
report (const BtCliOptions *options)
{
  gboolean ok = options->status == BT_CLI_OK;

  if (options->error != NULL)
    bt_cli_error ("%s", options->error);
  if (options->help != NULL && ok)
    g_print ("%s", options->help);
  else if (options->help != NULL)
    g_printerr ("%s", options->help);
  if (options->text != NULL)
    fputs (options->text, ok ? stdout : stderr);
  return options->status;
}

int
main (int    argc,
      char **argv)
{
  g_auto (BtCliOptions) options = { 0 };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!bt_cli_options_parse (&options, argc, argv))
    return report (&options);
  return runs[options.command] (&options);
}
