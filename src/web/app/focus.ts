// Where keyboard and screen-reader users land: on the new page's heading after a page change, and
// on the first field marked invalid after a refused submit. Both wait for the content, which a lazy
// page or the server's answer may bring a moment later.

const WAIT_MS = 10_000;

/** Calls `found` with the first element matching `selector` in `root` once it exists, or `missing` after the wait. */
function whenPresent(
  root: HTMLElement,
  selector: string,
  found: (element: HTMLElement) => void,
  missing?: () => void,
): () => void {
  const present = () => root.querySelector<HTMLElement>(selector);
  const first = present();
  if (first) {
    found(first);
    return () => {};
  }
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const observer = new MutationObserver(() => {
    const element = present();
    if (!element) return;
    stop();
    found(element);
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-invalid'] });
  const timer = setTimeout(() => {
    stop();
    missing?.();
  }, WAIT_MS);
  return stop;
}

/**
 * After a page change: focus goes to the main region at once (away from the link just followed),
 * then to the page's h1 when it shows, unless the page or the person has put focus elsewhere.
 * Returns a function that cancels the wait.
 */
export function focusNewPage(main: HTMLElement): () => void {
  main.focus();
  return whenPresent(main, 'h1', (heading) => {
    if (document.activeElement !== main) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
}

/**
 * Once per page load: after any form is submitted, the first field it marks invalid (at once, or
 * when the server's refusal comes back) receives focus, so the person starts where the problem is.
 */
export function focusFirstErrorAfterSubmit(): () => void {
  let cancel = () => {};
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    cancel();
    // A field invalid before this attempt is focused only if it is still so once the attempt is judged.
    requestAnimationFrame(() => {
      cancel = whenPresent(form, '[aria-invalid="true"]', (field) => {
        if (form.contains(document.activeElement) || document.activeElement === document.body) field.focus();
      });
    });
  };
  document.addEventListener('submit', onSubmit, true);
  return () => {
    cancel();
    document.removeEventListener('submit', onSubmit, true);
  };
}
