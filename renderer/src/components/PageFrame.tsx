import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Where a lazily loaded page is shown (views/lazyPages.ts): while its code loads, a quiet placeholder
// that fills the page's place (the shell does not move) and says "Loading…" to screen readers at
// once and on screen only when the load takes long enough to notice; should the code not load at
// all, a sentence and a way out instead of an empty window.

function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-busy="true" data-testid="page-loading">
      <span className="page-loading-text">{t('shell.page.loading')}</span>
    </div>
  );
}

function PageLoadFailed(props: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="alert">
      <p>{t('shell.page.failed', { reason: props.reason })}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('shell.page.reload')}
      </button>
    </div>
  );
}

class PageLoadBoundary extends Component<{ children: ReactNode }, { reason: string | null }> {
  override state: { reason: string | null } = { reason: null };
  static getDerivedStateFromError(error: unknown): { reason: string } {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.reason === null ? this.props.children : <PageLoadFailed reason={this.state.reason} />;
  }
}

/** Shows a page; `page` names it, so that going to another page starts afresh after a failure. */
export function PageFrame(props: { page: string; children: ReactNode }) {
  return (
    <PageLoadBoundary key={props.page}>
      <Suspense fallback={<PageLoading />}>{props.children}</Suspense>
    </PageLoadBoundary>
  );
}
