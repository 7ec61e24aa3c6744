/* bt-cli-main.c: bitext-cli, the core without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bt-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} BtCliCommand;

static const BtCliCommand commands[] = {
  { "segment", bt_cli_segment, N_("Print the sentences of a text file") },
  { "split", bt_cli_split, N_("Split a bilingual file into source and target") },
  { "convert", bt_cli_convert, N_("Write a review in another format") },
  { "validate", bt_cli_validate, N_("Check a review file") },
  { "stats", bt_cli_stats, N_("Print the figures of a review") },
  { "align", bt_cli_align, N_("Suggest links and omissions between a source and a target") },
};

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

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: bitext-cli COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “bitext-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return BT_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return BT_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("bitext-cli %s\n", PACKAGE_VERSION);
      return BT_CLI_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  bt_cli_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return BT_CLI_USAGE;
}
