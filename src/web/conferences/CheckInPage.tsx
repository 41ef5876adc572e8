import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import type { CheckInView } from './queries';
import { tokenOf } from './scan';

type CameraProblem = 'refused' | 'absent';

/**
 * The entrance: the organiser scans a badge's QR code with the device's camera, opens the address
 * it holds, or types the ticket's code, and checks the participant in, once.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const params = useParams({ strict: false }) as { token?: string };
  const countries = useCountryNames();
  usePageTitle(t('conferences.checkIn.title'));
  const [token, setToken] = useState(params.token ?? '');
  const checkIn = useMutation({
    mutationFn: (value: string) => api.post<CheckInView>('/conferences/check-in', { token: value }),
  });
  const done = checkIn.data;

  // The camera: its stream, the frame loop that reads the QR code, and what went wrong with it.
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef<number | null>(null);
  const [scanning, setScanning] = useState(false);
  const [cameraProblem, setCameraProblem] = useState<CameraProblem | null>(null);

  const stopCamera = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setScanning(false);
  }, []);
  // Leaving the page turns the camera off.
  useEffect(() => stopCamera, [stopCamera]);

  const startCamera = async () => {
    setCameraProblem(null);
    checkIn.reset();
    if (!navigator.mediaDevices?.getUserMedia) {
      setCameraProblem('absent');
      return;
    }
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      stream.current = media;
      setScanning(true);
    } catch (error) {
      setCameraProblem(error instanceof DOMException && error.name === 'NotAllowedError' ? 'refused' : 'absent');
    }
  };

  // Once the video shows the stream, each frame is drawn on a canvas and read for a QR code.
  useEffect(() => {
    if (!scanning || !video.current || !stream.current) return;
    const element = video.current;
    element.srcObject = stream.current;
    void element.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let cancelled = false;
    let decode: ((data: Uint8ClampedArray, width: number, height: number) => { data: string } | null) | null = null;
    void import('jsqr').then((module) => {
      decode = module.default;
    });
    const read = () => {
      if (cancelled) return;
      if (decode && context && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = decode(image.data, image.width, image.height);
        if (code?.data) {
          const scanned = tokenOf(code.data);
          stopCamera();
          setToken(scanned);
          checkIn.mutate(scanned);
          return;
        }
      }
      frame.current = requestAnimationFrame(read);
    };
    frame.current = requestAnimationFrame(read);
    return () => {
      cancelled = true;
    };
  }, [scanning, stopCamera, checkIn.mutate]);

  return (
    <Stack gap="sm" maw={520}>
      <Title order={1}>{t('conferences.checkIn.title')}</Title>
      <Text>{t('conferences.checkIn.intro')}</Text>
      {scanning ? (
        <Stack gap="xs">
          <Text size="sm">{t('conferences.checkIn.scanning')}</Text>
          <video ref={video} aria-label={t('conferences.checkIn.camera')} muted playsInline style={{ width: '100%' }} />
          <Button variant="default" fullWidth onClick={stopCamera}>
            {t('conferences.checkIn.stopScan')}
          </Button>
        </Stack>
      ) : (
        <Button variant="light" fullWidth onClick={() => void startCamera()}>
          {t('conferences.checkIn.scan')}
        </Button>
      )}
      {cameraProblem ? (
        <Alert color="yellow" role="alert">
          {t(cameraProblem === 'refused' ? 'conferences.checkIn.cameraRefused' : 'conferences.checkIn.cameraAbsent')}
        </Alert>
      ) : null}
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (token.trim()) checkIn.mutate(token.trim());
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('conferences.checkIn.token')} value={token} onChange={(ev) => setToken(ev.currentTarget.value)} />
          <Button type="submit" fullWidth loading={checkIn.isPending}>
            {t('conferences.checkIn.submit')}
          </Button>
        </Stack>
      </form>
      <ProblemAlert error={checkIn.error} />
      {done ? (
        <Alert role="status" color="green">
          {t('conferences.checkIn.done', {
            name: done.name,
            organisation: done.organisation,
            country: done.countryIso2 ? countries.name(done.countryIso2) : '—',
            event: done.eventTitle,
          })}
        </Alert>
      ) : null}
    </Stack>
  );
}
