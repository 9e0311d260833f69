import { useEffect, useState } from 'react';

import { apiFetch, base, Thumbnail, type Attachment } from './Attachments';

/**
 * The child's newest photo for the record sheet's header, if the card has one and the role may see
 * photos (the API lists only the categories the role reads; the listing is audited like the tab's).
 */
export const ChildPhoto = ({ childId }: { childId: number | string }) => {
  const [photo, setPhoto] = useState<Attachment>();
  useEffect(() => {
    let live = true;
    apiFetch(base(childId))
      .then((r) => r.json() as Promise<Attachment[]>)
      .then((list) => {
        const photos = list.filter(
          (a) => a.category === 'photo' && a.mediaType.startsWith('image/'),
        );
        photos.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        if (live) setPhoto(photos.at(-1));
      })
      .catch(() => undefined);
    return () => void (live = false);
  }, [childId]);
  return photo ? <Thumbnail attachment={photo} /> : null;
};
