'use client';

import { useState } from 'react';
import type { TemplateOrigin } from '../api';
import styles from './template-upgrade.module.css';
import { UpgradeDialog, type UpgradedWorkflow } from './upgrade-dialog';

interface TemplateUpgradeBannerProps {
  workflowId: string;
  origin: TemplateOrigin | null;
  dirty: boolean;
  readOnly: boolean;
  onUpgraded: (workflow: UpgradedWorkflow) => void;
}

/** Offers the upgrade when the workflow's template has a newer version than its draft came from. */
export function TemplateUpgradeBanner({ workflowId, origin, dirty, readOnly, onUpgraded }: TemplateUpgradeBannerProps) {
  const [reviewing, setReviewing] = useState(false);
  const [upgradedTo, setUpgradedTo] = useState<number>();
  if (!origin) return null;
  if (upgradedTo !== undefined) {
    return (
      <p role="status" className={styles.banner} data-testid="template-upgraded">
        The draft is now made from template {origin.name} v{upgradedTo}. Publish it to make new runs use it; runs already started keep their version.
      </p>
    );
  }
  if (origin.latestVersion === null || origin.latestVersion <= origin.version) return null;
  return (
    <section aria-label="Template upgrade" className={styles.banner} data-testid="template-upgrade-banner">
      <span>
        Template <strong>{origin.name}</strong> v{origin.latestVersion} is available (this workflow is on v{origin.version}).
      </span>
      <button type="button" onClick={() => setReviewing(true)}>
        Review upgrade
      </button>
      {reviewing && (
        <UpgradeDialog
          workflowId={workflowId}
          dirty={dirty}
          readOnly={readOnly}
          onClose={() => setReviewing(false)}
          onUpgraded={(workflow) => {
            setUpgradedTo(workflow.template?.version);
            onUpgraded(workflow);
          }}
        />
      )}
    </section>
  );
}
