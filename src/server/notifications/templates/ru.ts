import type { Texts } from '../catalogue.js';

export const ru: Texts = {
  kinds: {
    'mission.booked': { subject: 'Вы в составе группы миссии {mission}', body: 'Вы включены в состав группы миссии {mission}.' },
    'mission.released': {
      subject: 'Вы больше не участвуете в миссии {mission}',
      body: 'Вы исключены из состава группы миссии {mission}.',
    },
    'mission.approved': {
      subject: 'Миссия {mission} утверждена',
      body: 'Миссия {mission} утверждена; теперь можно формировать её группу.',
    },
    'mission.consent_given': {
      subject: 'Получено согласие на миссию {mission}',
      body: 'Принимающее государство дало согласие на миссию {mission}.',
    },
    'mission.deployed': { subject: 'Миссия {mission} развёрнута', body: 'Миссия {mission} развёрнута.' },
    'report.submitted': {
      subject: 'Доклад миссии {mission} представлен',
      body: 'Доклад миссии {mission} представлен на рассмотрение.',
    },
    'report.returned': {
      subject: 'Доклад миссии {mission} возвращён',
      body: 'Доклад миссии {mission} возвращён группе с комментарием: {comment}',
    },
    'report.adopted': { subject: 'Доклад миссии {mission} принят', body: 'Доклад миссии {mission} принят.' },
    'follow_up.recommendation_late': {
      subject: 'Рекомендация миссии {mission} просрочена',
      body: 'Срок выполнения рекомендации миссии {mission}, за которой вы следите, истёк.',
    },
    'warning.alert_raised': {
      subject: 'Объявлено предупреждение: {country}',
      body: 'Объявлено раннее предупреждение: {country}.',
    },
    'warning.feed_failed': {
      subject: 'Сбой потока данных: {feed}',
      body: 'Поток данных «{feed}» не удалось импортировать; ничего не изменено. Последняя ошибка показана на странице плановых заданий.',
    },
    'warning.feed_stale': {
      subject: 'Поток данных перестал меняться: {feed}',
      body: 'Поток данных «{feed}» не принёс ничего нового за последние запуски ({runs}). Проверьте, публикуется ли ещё его источник.',
    },
    'incident.assigned': {
      subject: 'Вам поручено сообщение об инциденте {reference}',
      body: 'Вам поручено рассмотреть сообщение об инциденте {reference}.',
    },
    'solidarity.pledge_recorded': {
      subject: 'Зарегистрировано обязательство: {country}',
      body: 'Зарегистрировано обязательство солидарности: {country}.',
    },
    'solidarity.relocation_recorded': {
      subject: 'Зарегистрировано переселение: {country}',
      body: 'Зарегистрировано переселение: {country}.',
    },
    'training.nominated': {
      subject: 'Кандидатура на {session}',
      body: '{name} выдвинут(а) на учебную сессию {session}.',
    },
    'training.selected': {
      subject: 'Отбор на {session}',
      body: '{name} отобран(а) на учебную сессию {session}.',
    },
    'training.waitlisted': {
      subject: 'Лист ожидания: {session}',
      body: '{name} включен(а) в лист ожидания учебной сессии {session}.',
    },
    'training.declined': {
      subject: 'Не отобран(а) на {session}',
      body: '{name} не отобран(а) на учебную сессию {session}. Причина: {reason}',
    },
    'network.notice': {
      subject: 'Сообщение для сети: {title}',
      body: 'В сети пограничных координаторов опубликовано сообщение: {title}',
    },
    'network.urgent_notice': {
      subject: 'Срочное сообщение, подтвердите получение: {title}',
      body: 'В сети пограничных координаторов опубликовано срочное сообщение: {title}. Откройте его и подтвердите получение.',
    },
    'network.notice_comment': {
      subject: 'Ответ под уведомлением {title}',
      body: '{name} написал(а) под уведомлением {title}.',
    },
    'network.request': {
      subject: 'У кого есть опыт в этом? {title}',
      body: 'Член сети пограничных координаторов просит о помощи: {title}',
    },
    'network.request_answered': {
      subject: 'Ответ на ваш запрос: {title}',
      body: '{name} ответил(а) на ваш запрос о помощи: {title}',
    },
    'conference.invited': {
      subject: 'Приглашение: {event}',
      body: 'Ваша делегация приглашена на мероприятие «{event}», начало {date}, место: {venue}. Пригласительное письмо и регистрация — на странице мероприятия.',
    },
    'consensus.revision_issued': {
      subject: 'Новая редакция: {symbol}',
      body: 'Председатель выпустил {symbol}, {title}. Ваша делегация может изложить по нему свои позиции.',
    },
    'consensus.silence_started': {
      subject: 'Процедура умолчания: {symbol}',
      body: '{symbol}, {title}, находится на процедуре умолчания до {deadline}. Если ни одно государство-участник не нарушит молчание до этого срока, текст будет принят.',
    },
    'consensus.silence_ending': {
      subject: 'Срок умолчания истекает: {symbol}',
      body: 'Процедура умолчания по {symbol}, {title}, завершается {deadline}. Если ни одно государство-участник не нарушит молчание до этого срока, текст будет принят.',
    },
    'account.password_reset': {
      subject: 'Ваш пароль сброшен',
      body: 'Координатор сбросил пароль вашей учётной записи. Если вы об этом не просили, немедленно сообщите координатору.',
    },
    'account.new_device': {
      subject: 'Вход с нового устройства',
      body: 'В вашу учётную запись выполнен вход с устройства, которое раньше не использовалось. Если это были не вы, немедленно смените пароль.',
    },
  },
  categories: {
    missions: 'Миссии',
    reports: 'Доклады миссий',
    follow_up: 'Выполнение рекомендаций',
    alerts: 'Ранние предупреждения',
    incidents: 'Сообщения об инцидентах',
    solidarity: 'Обязательства солидарности и переселения',
    training: 'Обучение',
    network: 'Сообщения для сети',
    conferences: 'Конференции и совещания',
    consensus: 'Выработка консенсуса',
    security: 'Безопасность учётной записи',
  },
  frame: {
    greeting: 'Здравствуйте, {name}!',
    open: 'Открыть в Crossroads',
    digestSubject: 'Ваша ежедневная сводка: уведомлений — {count}',
    digestIntro: 'Вот что произошло с момента вашей последней сводки:',
    unsubscribe: 'Отказаться от этих писем ({category})',
    preferences: 'Выбрать, какие письма получать',
    mandatory: 'Письма о безопасности учётной записи отправляются всегда.',
    signature: 'Crossroads',
  },
};
