/* bt-safe-write.c: write to a temporary file, flush, rename
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-safe-write.h"

static void
set_io_error (GError    **error,
              const char *path,
              const char *what,
              int         saved_errno)
{
  g_set_error (error, BT_ERROR, BT_ERROR_IO,
               /* Translators: the first %s is a file name, the second what
                * went wrong, the third the system's reason. */
               _("Could not save “%s”: %s: %s"),
               path, what, g_strerror (saved_errno));
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* New files get the usual 0666 less the umask; replaced files keep
 * their mode. */
static mode_t
target_mode (const char *path)
{
  struct stat st;
  mode_t mask;

  if (g_stat (path, &st) == 0)
    return st.st_mode & 07777;
  mask = umask (0);
  umask (mask);
  return 0666 & ~mask;
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
write_temp (int          fd,
            const char  *path,
            const void  *data,
            gsize        size,
            mode_t       mode,
            GError     **error)
{
  if (!write_all (fd, data, size))
    {
      set_io_error (error, path, _("writing failed"), errno);
      return FALSE;
    }
  if (fchmod (fd, mode) != 0)
    {
      set_io_error (error, path, _("setting permissions failed"), errno);
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      set_io_error (error, path, _("flushing to disk failed"), errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
bt_safe_write (const char  *path,
               const void  *data,
               gsize        size,
               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, path, _("could not create a temporary file"), errno);
      return FALSE;
    }

  ok = write_temp (fd, path, data, size, target_mode (path), error);
  if (close (fd) != 0 && ok)
    {
      set_io_error (error, path, _("writing failed"), errno);
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      set_io_error (error, path, _("renaming the temporary file failed"), errno);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  sync_folder (dir);
  return TRUE;
}
