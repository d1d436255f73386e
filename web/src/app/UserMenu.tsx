import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';

/**
 * A disclosure (button + list), not an ARIA menu: two items do not justify the arrow-key
 * contract of role=menu, and Tab works as everyone expects.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent | FocusEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target))
        setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutside);
    document.addEventListener('focusin', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      document.removeEventListener('focusin', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  async function signOut() {
    setOpen(false);
    await logout().catch(() => undefined); // the local session ends even if the server is gone
    void navigate('/login', { replace: true });
  }

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="user-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('shell.userMenu.label')}: </span>
        {me.displayName || me.email}
        <span className="user-menu__caret" aria-hidden="true" />
      </button>
      <ul className="user-menu__list" id={listId} hidden={!open}>
        <li className="user-menu__who">
          <span className="user-menu__email">{me.email}</span>
          <span>{t(`roles.${me.role}`, { defaultValue: me.role })}</span>
        </li>
        {me.mustChangePassword ? null : (
          <li>
            <Link className="user-menu__item" to="/account" onClick={() => setOpen(false)}>
              {t('shell.userMenu.profile')}
            </Link>
          </li>
        )}
        <li>
          <button
            type="button"
            className="user-menu__item"
            data-testid="logout"
            onClick={() => void signOut()}
          >
            {t('shell.userMenu.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
