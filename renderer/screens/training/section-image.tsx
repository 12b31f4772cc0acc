import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionImageHash } from '../../../shared/attachments/content.js';
import { useServices } from '../../app/services.js';

/**
 * A section's picture: a file shipped with the app (`training-images/<name>`), or one an author
 * added, kept as an attachment and read from this kiosk (shown offline once it is here; until
 * then, a frame saying it is on its way).
 */
export function SectionImage({ image, className }: { image: string; className?: string }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const hash = sectionImageHash(image);
  const [loaded, setLoaded] = useState<{ image: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!hash) return;
    let live = true;
    void api.call('training.image', { image }).then((r) => {
      if (live) setLoaded({ image, url: r.ok ? `data:${r.value.mime};base64,${r.value.base64}` : null });
    });
    return () => {
      live = false;
    };
  }, [api, hash, image]);
  if (!hash) return <img className={className} src={`training-images/${image}`} alt="" />;
  if (loaded?.image === image && loaded.url)
    return <img className={className} src={loaded.url} alt="" data-testid="section-image" />;
  return (
    <div className={`${className ?? ''} section-image--missing`} data-testid="section-image-missing">
      {loaded?.image === image ? t('author.imageNotHere') : t('common.loading')}
    </div>
  );
}
