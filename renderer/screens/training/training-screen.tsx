import { useEffect } from 'react';
import { useSlice } from '../../app/services.js';
import '../../styles/training.css';
import { AssessmentView } from './assessment-view.js';
import { AuthorView } from './author-view.js';
import { CatalogView } from './catalog-view.js';
import { CertificatesView } from './certificates-view.js';
import { CheckView } from './check-view.js';
import { TemplateView } from './template-form.js';
import { ModuleView } from './module-view.js';
import { PracticalView } from './practical-view.js';
import { ResultView } from './result-view.js';
import { SessionsView } from './sessions-view.js';
import { useTraining } from './use-training.js';

/** The training area: the catalog, a module, its assessment and result, certificates, sessions. */
export function TrainingScreen() {
  const store = useTraining();
  const view = useSlice(store, (s) => s.view);
  useEffect(() => {
    void store.getState().reset();
    return () => void store.getState().flush();
  }, [store]);
  switch (view.name) {
    case 'module':
      return <ModuleView />;
    case 'assessment':
      return <AssessmentView />;
    case 'result':
      return <ResultView />;
    case 'certificates':
    case 'certificate':
      return <CertificatesView />;
    case 'sessions':
      return <SessionsView />;
    case 'author':
      return <AuthorView />;
    case 'practical':
      return <PracticalView />;
    case 'check':
      return <CheckView />;
    case 'template':
      return <TemplateView />;
    default:
      return <CatalogView />;
  }
}
