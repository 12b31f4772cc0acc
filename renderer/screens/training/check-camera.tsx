import { useEffect, useRef } from 'react';
import { qrFrom } from './qr-decode.js';

/**
 * The camera's live picture, read for a QR code on every frame until one is found (then `onFound`
 * once) or the component is taken away, which stops the camera.
 */
export function CheckCamera({ onFound, onNoCamera }: { onFound(text: string): void; onNoCamera(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const found = useRef(onFound);
  const failed = useRef(onNoCamera);
  useEffect(() => {
    found.current = onFound;
    failed.current = onNoCamera;
  });
  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let live = true;
    const read = () => {
      const v = video.current;
      if (!live || !v) return;
      const text = v.readyState >= 2 ? qrFrom(v, v.videoWidth, v.videoHeight) : null;
      if (text) found.current(text);
      else frame = requestAnimationFrame(read);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (!live || !video.current) return s.getTracks().forEach((t) => t.stop());
        video.current.srcObject = s;
        await video.current.play();
        frame = requestAnimationFrame(read);
      })
      .catch(() => live && failed.current());
    if (!navigator.mediaDevices) failed.current();
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  return <video ref={video} className="check__video" muted playsInline data-testid="check-video" />;
}
