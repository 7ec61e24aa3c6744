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

struct _BtSafeWrite
{
  char *path;
  char *dir;
  char *tmp;   /* NULL when streaming into a descriptor we do not own */
  int   fd;
  int   saved_errno;   /* of the first failed append, or 0 */
};

static void
safe_write_free (BtSafeWrite *self)
{
  if (self->fd >= 0 && self->tmp != NULL)
    close (self->fd);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->tmp);
  g_free (self);
}

BtSafeWrite *
bt_safe_write_begin (const char  *path,
                     GError     **error)
{
  BtSafeWrite *self;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BtSafeWrite, 1);
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->tmp = g_strdup_printf ("%s/.%s.XXXXXX", self->dir, base);
  self->fd = g_mkstemp_full (self->tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_io_error (error, path, _("could not create a temporary file"), errno);
      safe_write_free (self);
      return NULL;
    }
  return self;
}

BtSafeWrite *
bt_safe_write_begin_fd (int fd)
{
  BtSafeWrite *self;

  g_return_val_if_fail (fd >= 0, NULL);

  self = g_new0 (BtSafeWrite, 1);
  self->path = g_strdup ("-");
  self->fd = fd;
  return self;
}

gboolean
bt_safe_write_append (BtSafeWrite *self,
                      const void  *data,
                      gsize        size)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->saved_errno != 0)
    return FALSE;
  if (!write_all (self->fd, data, size))
    {
      self->saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

void
bt_safe_write_abort (BtSafeWrite *self)
{
  g_return_if_fail (self != NULL);

  if (self->tmp != NULL)
    {
      close (self->fd);
      self->fd = -1;
      g_unlink (self->tmp);
    }
  safe_write_free (self);
}

static gboolean
finish_temp (BtSafeWrite  *self,
             GError      **error)
{
  int fd = self->fd;

  self->fd = -1;
  if (self->saved_errno != 0)
    {
      close (fd);
      set_io_error (error, self->path, _("writing failed"), self->saved_errno);
      return FALSE;
    }
  if (fchmod (fd, target_mode (self->path)) != 0)
    {
      set_io_error (error, self->path, _("setting permissions failed"), errno);
      close (fd);
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      set_io_error (error, self->path, _("flushing to disk failed"), errno);
      close (fd);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_io_error (error, self->path, _("writing failed"), errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_fd (BtSafeWrite  *self,
           GError      **error)
{
  int saved_errno = self->saved_errno;

  safe_write_free (self);
  if (saved_errno == 0)
    return TRUE;
  g_set_error (error, BT_ERROR, BT_ERROR_IO,
               /* Translators: %s is the system's reason */
               _("Could not write the output: %s"), g_strerror (saved_errno));
  return FALSE;
}

gboolean
bt_safe_write_commit (BtSafeWrite  *self,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->tmp == NULL)
    return commit_fd (self, error);
  ok = finish_temp (self, error);
  if (ok && g_rename (self->tmp, self->path) != 0)
    {
      set_io_error (error, self->path, _("renaming the temporary file failed"), errno);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (self->tmp);
  else
    sync_folder (self->dir);
  safe_write_free (self);
  return ok;
}

gboolean
bt_safe_write (const char  *path,
               const void  *data,
               gsize        size,
               GError     **error)
{
  BtSafeWrite *self;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = bt_safe_write_begin (path, error);
  if (self == NULL)
    return FALSE;
  bt_safe_write_append (self, data, size);
  return bt_safe_write_commit (self, error);
}
