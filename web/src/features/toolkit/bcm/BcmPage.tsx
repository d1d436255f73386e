import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function BcmPage() {
  return <PageHeader title="BcmPage" />;
}
