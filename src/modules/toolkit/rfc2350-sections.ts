import type { Locale } from '../accounts/index.js';

/**
 * The template of RFC 2350 (Appendix D) as data: every section with its number, its title in
 * the six UN languages and the profile fields that fill it. Renderers walk this list, so a
 * section cannot be forgotten in one format and kept in another. `sim3` names the SIM3
 * parameters the section gives evidence for (the web page links them to the self-assessment).
 *
 * @example
 *   rfc2350Sections.find((s) => s.number === '2.8')?.fields // ['contact.publicKey', ...]
 */
export interface Rfc2350Section {
  number: string;
  /** 1 for "2.", 2 for "2.8", 3 for "5.1.1". */
  level: 1 | 2 | 3;
  title: Record<Locale, string>;
  /** Dotted paths into the profile (`contact.email`); empty for automatic or parent sections. */
  fields: readonly string[];
  sim3: readonly string[];
}

// One section per line: number ; profile fields ; SIM3 parameters ; titles en | fr | es | ar | ru | zh
// (a dash for none).
const table = `
1 ; - ; - ; Document Information | Informations sur le document | Información sobre el documento | معلومات الوثيقة | Информация о документе | 文档信息
1.1 ; - ; - ; Date of Last Update | Date de dernière mise à jour | Fecha de la última actualización | تاريخ آخر تحديث | Дата последнего обновления | 最后更新日期
1.2 ; document.distributionList ; - ; Distribution List for Notifications | Liste de diffusion des notifications | Lista de distribución de notificaciones | قائمة توزيع الإشعارات | Список рассылки уведомлений | 通知分发列表
1.3 ; document.locations ; - ; Locations where this Document May Be Found | Emplacements où trouver ce document | Lugares donde se encuentra este documento | أماكن الحصول على هذه الوثيقة | Где можно найти этот документ | 本文档的获取位置
2 ; - ; P-9 P-10 ; Contact Information | Coordonnées | Información de contacto | معلومات الاتصال | Контактная информация | 联系信息
2.1 ; contact.teamName contact.shortName ; - ; Name of the Team | Nom de l’équipe | Nombre del equipo | اسم الفريق | Название группы | 团队名称
2.2 ; contact.address ; - ; Address | Adresse | Dirección | العنوان | Адрес | 地址
2.3 ; contact.timeZone ; - ; Time Zone | Fuseau horaire | Zona horaria | المنطقة الزمنية | Часовой пояс | 时区
2.4 ; contact.phone ; - ; Telephone Number | Numéro de téléphone | Número de teléfono | رقم الهاتف | Номер телефона | 电话号码
2.5 ; contact.fax ; - ; Facsimile Number | Numéro de télécopie | Número de fax | رقم الفاكس | Номер факса | 传真号码
2.6 ; contact.otherTelecom ; - ; Other Telecommunication | Autres moyens de télécommunication | Otras telecomunicaciones | وسائل اتصال أخرى | Другие средства связи | 其他通信方式
2.7 ; contact.email ; - ; Electronic Mail Address | Adresse électronique | Dirección de correo electrónico | عنوان البريد الإلكتروني | Адрес электронной почты | 电子邮件地址
2.8 ; contact.publicKey contact.encryptionInfo ; P-10 ; Public Keys and Encryption Information | Clés publiques et informations de chiffrement | Claves públicas e información de cifrado | المفاتيح العامة ومعلومات التشفير | Открытые ключи и сведения о шифровании | 公钥和加密信息
2.9 ; contact.members ; - ; Team Members | Membres de l’équipe | Miembros del equipo | أعضاء الفريق | Состав группы | 团队成员
2.10 ; contact.otherInfo ; - ; Other Information | Autres informations | Otra información | معلومات أخرى | Прочая информация | 其他信息
2.11 ; contact.contactMethods contact.hours contact.emergency ; - ; Points of Customer Contact | Points de contact pour les bénéficiaires | Puntos de contacto con los usuarios | نقاط الاتصال بالمستفيدين | Контакты для обращений | 客户联系方式
3 ; - ; - ; Charter | Charte | Estatuto | الميثاق | Устав | 章程
3.1 ; charter.mission ; O-1 ; Mission Statement | Déclaration de mission | Declaración de misión | بيان المهمة | Миссия | 使命宣言
3.2 ; charter.constituency ; O-2 ; Constituency | Bénéficiaires | Comunidad atendida | الجهات المستفيدة | Обслуживаемое сообщество | 服务对象
3.3 ; charter.sponsorship ; - ; Sponsorship and/or Affiliation | Parrainage et/ou affiliation | Patrocinio y/o afiliación | الرعاية و/أو الانتساب | Спонсорство и/или принадлежность | 主办和/或隶属关系
3.4 ; charter.authority ; O-3 ; Authority | Autorité | Autoridad | الصلاحيات | Полномочия | 权限
4 ; - ; - ; Policies | Politiques | Políticas | السياسات | Политики | 政策
4.1 ; policies.incidentTypes ; O-7 O-8 ; Types of Incidents and Level of Support | Types d’incidents et niveau de soutien | Tipos de incidentes y nivel de soporte | أنواع الحوادث ومستوى الدعم | Типы инцидентов и уровень поддержки | 事件类型和支持级别
4.2 ; policies.cooperation ; O-9 P-11 ; Co-operation, Interaction and Disclosure of Information | Coopération, interaction et divulgation d’informations | Cooperación, interacción y divulgación de información | التعاون والتفاعل والإفصاح عن المعلومات | Сотрудничество, взаимодействие и раскрытие информации | 合作、互动与信息披露
4.3 ; policies.communication ; P-11 ; Communication and Authentication | Communication et authentification | Comunicación y autenticación | الاتصال والمصادقة | Связь и аутентификация | 通信与身份验证
5 ; services.offered services.overview ; O-5 ; Services | Services | Servicios | الخدمات | Услуги | 服务
5.1 ; services.incidentResponse ; - ; Incident Response | Réponse aux incidents | Respuesta a incidentes | الاستجابة للحوادث | Реагирование на инциденты | 事件响应
5.1.1 ; services.triage ; - ; Incident Triage | Tri des incidents | Clasificación de incidentes | فرز الحوادث | Сортировка инцидентов | 事件分类
5.1.2 ; services.coordination ; - ; Incident Coordination | Coordination des incidents | Coordinación de incidentes | تنسيق الحوادث | Координация реагирования на инциденты | 事件协调
5.1.3 ; services.resolution ; - ; Incident Resolution | Résolution des incidents | Resolución de incidentes | حل الحوادث | Устранение инцидентов | 事件处置
5.2 ; services.proactive ; - ; Proactive Activities | Activités proactives | Actividades proactivas | الأنشطة الاستباقية | Превентивная деятельность | 主动性活动
6 ; reportingForms ; - ; Incident Reporting Forms | Formulaires de signalement d’incidents | Formularios de notificación de incidentes | نماذج الإبلاغ عن الحوادث | Формы сообщения об инцидентах | 事件报告表
7 ; disclaimers ; - ; Disclaimers | Clauses de non-responsabilité | Descargos de responsabilidad | إخلاء المسؤولية | Оговорки об ответственности | 免责声明
`;

const order = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const satisfies readonly Locale[];

export const rfc2350Sections: readonly Rfc2350Section[] = table
  .trim()
  .split('\n')
  .map((line) => {
    const [number = '', fields = '', sim3 = '', titles = ''] = line.split(';').map((s) => s.trim());
    const parts = titles.split('|').map((s) => s.trim());
    if (parts.length !== order.length) throw new Error(`section ${number}: six titles expected`);
    return {
      number,
      level: number.split('.').length as 1 | 2 | 3,
      title: Object.fromEntries(order.map((lang, i) => [lang, parts[i]!])) as Record<
        Locale,
        string
      >,
      fields: fields.split(' ').filter((f) => f && f !== '-'),
      sim3: sim3.split(' ').filter((p) => p && p !== '-'),
    };
  });

/** "5.1.1 Incident Triage", or "1. Document Information" for a top-level section. */
export function sectionHeading(section: Rfc2350Section, lang: Locale): string {
  const number = section.level === 1 ? `${section.number}.` : section.number;
  return `${number} ${section.title[lang]}`;
}

/** The fixed words of the rendered document (not the team's own text), in six languages. */
export interface DocumentWords {
  title: string;
  intro: string;
  notProvided: string;
  shortName: string;
  fingerprint: string;
  userIds: string;
  algorithm: string;
  keyExpires: string;
  never: string;
  hours: string;
  emergency: string;
  servicesOffered: string;
  generated: string;
}

const words: Record<Locale, DocumentWords> = {
  en: {
    title: 'RFC 2350 description of {team}',
    intro:
      'This document describes {team} in the structure of RFC 2350: who the team is, how to reach it, what it does and the rules it works by.',
    notProvided: 'Not provided.',
    shortName: 'Short name',
    fingerprint: 'Key fingerprint',
    userIds: 'Key user ID',
    algorithm: 'Key algorithm',
    keyExpires: 'Key expires',
    never: 'never',
    hours: 'Hours',
    emergency: 'Out of hours and emergencies',
    servicesOffered: 'Services offered',
    generated: 'Generated with cirtkit',
  },
  fr: {
    title: 'Description de {team} selon la RFC 2350',
    intro:
      'Ce document présente {team} selon la structure de la RFC 2350 : qui est l’équipe, comment la joindre, ce qu’elle fait et les règles qu’elle suit.',
    notProvided: 'Non renseigné.',
    shortName: 'Nom court',
    fingerprint: 'Empreinte de la clé',
    userIds: 'Identifiant de la clé',
    algorithm: 'Algorithme de la clé',
    keyExpires: 'Expiration de la clé',
    never: 'jamais',
    hours: 'Horaires',
    emergency: 'Hors horaires et urgences',
    servicesOffered: 'Services proposés',
    generated: 'Généré avec cirtkit',
  },
  es: {
    title: 'Descripción de {team} según el RFC 2350',
    intro:
      'Este documento describe {team} con la estructura del RFC 2350: quién es el equipo, cómo contactarlo, qué hace y las reglas que sigue.',
    notProvided: 'No indicado.',
    shortName: 'Nombre corto',
    fingerprint: 'Huella de la clave',
    userIds: 'Identificador de la clave',
    algorithm: 'Algoritmo de la clave',
    keyExpires: 'Caducidad de la clave',
    never: 'nunca',
    hours: 'Horario',
    emergency: 'Fuera de horario y emergencias',
    servicesOffered: 'Servicios ofrecidos',
    generated: 'Generado con cirtkit',
  },
  ar: {
    title: 'وصف {team} وفق RFC 2350',
    intro:
      'تصف هذه الوثيقة {team} وفق بنية RFC 2350: من هو الفريق، وكيف يمكن التواصل معه، وما الذي يقوم به، والقواعد التي يعمل بها.',
    notProvided: 'غير محدد.',
    shortName: 'الاسم المختصر',
    fingerprint: 'بصمة المفتاح',
    userIds: 'معرّف المفتاح',
    algorithm: 'خوارزمية المفتاح',
    keyExpires: 'انتهاء صلاحية المفتاح',
    never: 'لا تنتهي',
    hours: 'ساعات العمل',
    emergency: 'خارج ساعات العمل وفي حالات الطوارئ',
    servicesOffered: 'الخدمات المقدمة',
    generated: 'أُنشئت باستخدام cirtkit',
  },
  ru: {
    title: 'Описание {team} в соответствии с RFC 2350',
    intro:
      'Этот документ описывает {team} по структуре RFC 2350: кто эта группа, как с ней связаться, чем она занимается и по каким правилам работает.',
    notProvided: 'Не указано.',
    shortName: 'Краткое название',
    fingerprint: 'Отпечаток ключа',
    userIds: 'Идентификатор ключа',
    algorithm: 'Алгоритм ключа',
    keyExpires: 'Срок действия ключа',
    never: 'бессрочно',
    hours: 'Часы работы',
    emergency: 'В нерабочее время и в экстренных случаях',
    servicesOffered: 'Предоставляемые услуги',
    generated: 'Создано с помощью cirtkit',
  },
  zh: {
    title: '{team} 的 RFC 2350 说明',
    intro: '本文档按照 RFC 2350 的结构介绍 {team}：团队是谁、如何联系、做什么以及遵循哪些规则。',
    notProvided: '未提供。',
    shortName: '简称',
    fingerprint: '密钥指纹',
    userIds: '密钥用户标识',
    algorithm: '密钥算法',
    keyExpires: '密钥到期',
    never: '永不过期',
    hours: '工作时间',
    emergency: '非工作时间及紧急情况',
    servicesOffered: '提供的服务',
    generated: '由 cirtkit 生成',
  },
};

export const documentWords = (lang: Locale): DocumentWords => words[lang];
