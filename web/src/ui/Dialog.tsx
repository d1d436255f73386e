import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Buttons shown at the bottom; forms put their own submit button here. */
  footer?: ReactNode;
  /** Wraps body and footer in a form so Enter submits. */
  onSubmit?(): void;
  testId?: string;
}

/**
 * A modal built on the native <dialog>: the browser gives us the focus trap, Escape and the
 * inert background. We add focus return to the control that opened it.
 */
export function Dialog({ open, title, onClose, children, footer, onSubmit, testId }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Return focus on every way of closing, including unmounting while open.
  useEffect(() => {
    const dialog = dialogRef.current;
    const returnFocus = () => {
      const target = opener.current;
      opener.current = null;
      // If the opener is gone (it lived in a dialog that was replaced), fall back to the page title.
      const fallback = document.querySelector<HTMLElement>('[data-page-title]');
      (target && target.isConnected ? target : fallback)?.focus();
    };
    dialog?.addEventListener('close', returnFocus);
    return () => {
      dialog?.removeEventListener('close', returnFocus);
      if (dialog?.open) returnFocus();
    };
  }, []);

  const body = (
    <>
      <div className="dialog__body">{children}</div>
      {footer ? <div className="dialog__footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault(); // let React state decide; onClose will close it
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {onSubmit ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                onSubmit();
              }}
            >
              {body}
            </form>
          ) : (
            body
          )}
        </>
      ) : null}
    </dialog>
  );
}
