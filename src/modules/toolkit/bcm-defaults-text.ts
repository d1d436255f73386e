import type { Locale } from '../accounts/index.js';

/**
 * The words of the default plan in the six UN languages. The level descriptions are our own
 * summary of what each NCISS level means for a national CIRT, not CISA's text.
 */
interface DefaultTexts {
  levels: Record<
    'baseline' | 'low' | 'medium' | 'high' | 'severe' | 'emergency',
    [name: string, description: string]
  >;
  audiences: Record<
    | 'cirt-lead'
    | 'governance'
    | 'press'
    | 'legal'
    | 'sector-regulator'
    | 'operator-bcm'
    | 'crisis-cell',
    string
  >;
  /** Eight crisis-activation steps: what to do, and how everyone knows it is done. */
  checklist: [action: string, done: string][];
  rules: { operators: string; checklist: string };
}

const en: DefaultTexts = {
  levels: {
    baseline: [
      'Baseline',
      'Routine event handled by the CIRT in its normal work; no effect expected on essential services, safety or public confidence.',
    ],
    low: [
      'Low',
      'Limited incident unlikely to touch essential services, safety, the economy or public confidence; the CIRT handles it and reports it routinely.',
    ],
    medium: [
      'Medium',
      'Incident that could affect essential services, safety, the economy or public confidence; the CIRT lead, governance and the sector regulator follow it.',
    ],
    high: [
      'High',
      'Incident likely to have a visible effect on essential services, safety, national or economic security or public confidence; the continuity teams of affected operators are called.',
    ],
    severe: [
      'Severe',
      'Incident likely to cause serious harm to public health or safety, national or economic security, foreign relations or civil liberties; the national crisis cell meets.',
    ],
    emergency: [
      'Emergency',
      'Imminent threat to critical services across the country, to the stability of government or to lives; national crisis management is fully activated.',
    ],
  },
  audiences: {
    'cirt-lead': 'CIRT lead',
    governance: 'Governance (ministry, board)',
    press: 'Press and public communication',
    legal: 'Legal counsel',
    'sector-regulator': 'Sector regulator',
    'operator-bcm': "Affected operators' BCM teams",
    'crisis-cell': 'National crisis cell',
  },
  checklist: [
    [
      'Confirm the activation, and record its time and the severity level',
      'The activation is in the crisis log with its time and level',
    ],
    ['Start the contact tree', 'Everyone in the tree, or their backup, has acknowledged'],
    [
      'Convene the crisis cell in its room or on its secure bridge',
      'The cell sits, with a chair and a note-taker named',
    ],
    [
      'Open the crisis log and share a first picture of the situation',
      'A first situation report has reached the crisis cell',
    ],
    [
      "Reach the affected operators' continuity managers and learn which plans they have invoked",
      'Each affected operator has confirmed its continuity status and its expected recovery against its RTO',
    ],
    [
      'Agree the public line with the press office and legal counsel',
      'A holding statement is approved',
    ],
    [
      'Brief governance and decide what to share with peer CIRTs and international crisis networks',
      'The briefing is sent and the sharing decision recorded',
    ],
    [
      'Set the rhythm of situation updates and the conditions for standing down',
      'The update schedule and the stand-down conditions are in the log',
    ],
  ],
  rules: {
    operators: "From High: call the affected operators' BCM teams",
    checklist: 'From Severe: activate the crisis checklist',
  },
};

const fr: DefaultTexts = {
  levels: {
    baseline: [
      'Base',
      'Événement courant traité par la CIRT dans son travail habituel ; aucun effet attendu sur les services essentiels, la sécurité ou la confiance du public.',
    ],
    low: [
      'Faible',
      'Incident limité, peu susceptible de toucher les services essentiels, la sécurité, l’économie ou la confiance du public ; la CIRT le traite et le signale selon la routine.',
    ],
    medium: [
      'Moyen',
      'Incident pouvant affecter les services essentiels, la sécurité, l’économie ou la confiance du public ; le responsable de la CIRT, la gouvernance et le régulateur sectoriel le suivent.',
    ],
    high: [
      'Élevé',
      'Incident susceptible d’avoir un effet visible sur les services essentiels, la sécurité, la sécurité nationale ou économique ou la confiance du public ; les équipes de continuité des opérateurs touchés sont appelées.',
    ],
    severe: [
      'Grave',
      'Incident susceptible de nuire gravement à la santé ou à la sécurité publiques, à la sécurité nationale ou économique, aux relations extérieures ou aux libertés publiques ; la cellule de crise nationale se réunit.',
    ],
    emergency: [
      'Urgence',
      'Menace imminente sur des services critiques à l’échelle du pays, sur la stabilité de l’État ou sur des vies ; la gestion de crise nationale est pleinement activée.',
    ],
  },
  audiences: {
    'cirt-lead': 'Responsable de la CIRT',
    governance: 'Gouvernance (ministère, conseil)',
    press: 'Presse et communication publique',
    legal: 'Conseil juridique',
    'sector-regulator': 'Régulateur sectoriel',
    'operator-bcm': 'Équipes PCA des opérateurs touchés',
    'crisis-cell': 'Cellule de crise nationale',
  },
  checklist: [
    [
      'Confirmer l’activation et consigner son heure et le niveau de gravité',
      'L’activation figure au journal de crise avec son heure et son niveau',
    ],
    ['Lancer l’arbre d’appel', 'Chaque personne de l’arbre, ou son suppléant, a accusé réception'],
    [
      'Réunir la cellule de crise dans sa salle ou sur sa conférence sécurisée',
      'La cellule siège, avec un président et un secrétaire désignés',
    ],
    [
      'Ouvrir le journal de crise et partager un premier état de la situation',
      'Un premier point de situation est parvenu à la cellule de crise',
    ],
    [
      'Joindre les responsables de la continuité des opérateurs touchés et savoir quels plans ils ont déclenchés',
      'Chaque opérateur touché a confirmé l’état de sa continuité et sa reprise attendue au regard de son RTO',
    ],
    [
      'Arrêter la ligne de communication publique avec le service de presse et le conseil juridique',
      'Une déclaration d’attente est approuvée',
    ],
    [
      'Informer la gouvernance et décider de ce qui sera partagé avec les CIRT pairs et les réseaux internationaux de crise',
      'Le point est envoyé et la décision de partage consignée',
    ],
    [
      'Fixer le rythme des points de situation et les conditions de levée du dispositif',
      'Le calendrier des points et les conditions de levée figurent au journal',
    ],
  ],
  rules: {
    operators: 'À partir d’Élevé : appeler les équipes PCA des opérateurs touchés',
    checklist: 'À partir de Grave : activer la liste d’activation de crise',
  },
};

const es: DefaultTexts = {
  levels: {
    baseline: [
      'Base',
      'Evento habitual que el CIRT atiende en su trabajo normal; no se esperan efectos sobre los servicios esenciales, la seguridad ni la confianza pública.',
    ],
    low: [
      'Bajo',
      'Incidente limitado, con poca probabilidad de afectar a los servicios esenciales, la seguridad, la economía o la confianza pública; el CIRT lo gestiona y lo notifica de forma rutinaria.',
    ],
    medium: [
      'Medio',
      'Incidente que podría afectar a los servicios esenciales, la seguridad, la economía o la confianza pública; el responsable del CIRT, la gobernanza y el regulador sectorial lo siguen.',
    ],
    high: [
      'Alto',
      'Incidente con probable efecto visible sobre los servicios esenciales, la seguridad, la seguridad nacional o económica o la confianza pública; se llama a los equipos de continuidad de los operadores afectados.',
    ],
    severe: [
      'Grave',
      'Incidente que probablemente cause daños serios a la salud o la seguridad públicas, la seguridad nacional o económica, las relaciones exteriores o las libertades civiles; se reúne la célula nacional de crisis.',
    ],
    emergency: [
      'Emergencia',
      'Amenaza inminente para servicios críticos en todo el país, para la estabilidad del gobierno o para vidas humanas; la gestión nacional de crisis se activa por completo.',
    ],
  },
  audiences: {
    'cirt-lead': 'Responsable del CIRT',
    governance: 'Gobernanza (ministerio, consejo)',
    press: 'Prensa y comunicación pública',
    legal: 'Asesoría jurídica',
    'sector-regulator': 'Regulador sectorial',
    'operator-bcm': 'Equipos de continuidad de los operadores afectados',
    'crisis-cell': 'Célula nacional de crisis',
  },
  checklist: [
    [
      'Confirmar la activación y registrar su hora y el nivel de gravedad',
      'La activación consta en el registro de crisis con su hora y su nivel',
    ],
    [
      'Iniciar el árbol de llamadas',
      'Todas las personas del árbol, o sus suplentes, han confirmado la recepción',
    ],
    [
      'Convocar la célula de crisis en su sala o en su conferencia segura',
      'La célula está reunida, con presidente y secretario designados',
    ],
    [
      'Abrir el registro de crisis y compartir una primera imagen de la situación',
      'Un primer informe de situación ha llegado a la célula de crisis',
    ],
    [
      'Contactar con los responsables de continuidad de los operadores afectados y saber qué planes han activado',
      'Cada operador afectado ha confirmado su estado de continuidad y su recuperación prevista frente a su RTO',
    ],
    [
      'Acordar el mensaje público con la oficina de prensa y la asesoría jurídica',
      'Se ha aprobado una declaración provisional',
    ],
    [
      'Informar a la gobernanza y decidir qué se comparte con los CIRT homólogos y las redes internacionales de crisis',
      'Se ha enviado el informe y registrado la decisión de compartir',
    ],
    [
      'Fijar el ritmo de los informes de situación y las condiciones para desactivar el dispositivo',
      'El calendario de informes y las condiciones de desactivación constan en el registro',
    ],
  ],
  rules: {
    operators: 'Desde Alto: llamar a los equipos de continuidad de los operadores afectados',
    checklist: 'Desde Grave: activar la lista de activación de crisis',
  },
};

const ar: DefaultTexts = {
  levels: {
    baseline: [
      'أساسي',
      'حدث اعتيادي يعالجه فريق الاستجابة في عمله المعتاد؛ لا يُتوقع أثر على الخدمات الأساسية أو السلامة أو ثقة الجمهور.',
    ],
    low: [
      'منخفض',
      'حادث محدود يُستبعد أن يمس الخدمات الأساسية أو السلامة أو الاقتصاد أو ثقة الجمهور؛ يعالجه الفريق ويبلّغ عنه بالطريقة المعتادة.',
    ],
    medium: [
      'متوسط',
      'حادث قد يؤثر في الخدمات الأساسية أو السلامة أو الاقتصاد أو ثقة الجمهور؛ يتابعه رئيس الفريق وجهة الحوكمة والجهة التنظيمية للقطاع.',
    ],
    high: [
      'مرتفع',
      'حادث يُرجّح أن يكون له أثر ظاهر في الخدمات الأساسية أو السلامة أو الأمن الوطني أو الاقتصادي أو ثقة الجمهور؛ تُستدعى فرق استمرارية الأعمال لدى المشغّلين المتأثرين.',
    ],
    severe: [
      'خطير',
      'حادث يُرجّح أن يُلحق ضررًا جسيمًا بالصحة أو السلامة العامة أو الأمن الوطني أو الاقتصادي أو العلاقات الخارجية أو الحريات المدنية؛ تجتمع خلية الأزمات الوطنية.',
    ],
    emergency: [
      'طارئ',
      'تهديد وشيك لخدمات حيوية على نطاق البلد أو لاستقرار الحكومة أو للأرواح؛ تُفعَّل إدارة الأزمات الوطنية بالكامل.',
    ],
  },
  audiences: {
    'cirt-lead': 'رئيس فريق الاستجابة',
    governance: 'الحوكمة (الوزارة، المجلس)',
    press: 'الصحافة والاتصال العام',
    legal: 'المستشار القانوني',
    'sector-regulator': 'الجهة التنظيمية للقطاع',
    'operator-bcm': 'فرق استمرارية الأعمال لدى المشغّلين المتأثرين',
    'crisis-cell': 'خلية الأزمات الوطنية',
  },
  checklist: [
    ['تأكيد التفعيل وتسجيل وقته ومستوى الخطورة', 'التفعيل مدوَّن في سجل الأزمة بوقته ومستواه'],
    ['بدء شجرة الاتصال', 'أكّد كل شخص في الشجرة، أو من ينوب عنه، تلقّي الاتصال'],
    ['جمع خلية الأزمات في قاعتها أو عبر اتصالها الآمن', 'الخلية منعقدة برئيس ومقرّر معيّنين'],
    ['فتح سجل الأزمة وتقديم صورة أولى عن الوضع', 'وصل أول تقرير عن الوضع إلى خلية الأزمات'],
    [
      'التواصل مع مسؤولي الاستمرارية لدى المشغّلين المتأثرين ومعرفة الخطط التي فعّلوها',
      'أكّد كل مشغّل متأثر حالة استمراريته والتعافي المتوقع مقارنةً بهدف زمن التعافي لديه',
    ],
    ['الاتفاق على الخطاب العام مع مكتب الصحافة والمستشار القانوني', 'اعتُمد بيان أولي'],
    [
      'إحاطة جهة الحوكمة وتحديد ما يُشارك مع الفرق النظيرة وشبكات الأزمات الدولية',
      'أُرسلت الإحاطة وسُجّل قرار المشاركة',
    ],
    [
      'تحديد وتيرة تقارير الوضع وشروط إنهاء حالة الأزمة',
      'جدول التقارير وشروط الإنهاء مدوّنة في السجل',
    ],
  ],
  rules: {
    operators: 'ابتداءً من «مرتفع»: الاتصال بفرق الاستمرارية لدى المشغّلين المتأثرين',
    checklist: 'ابتداءً من «خطير»: تفعيل قائمة تفعيل الأزمة',
  },
};

const ru: DefaultTexts = {
  levels: {
    baseline: [
      'Фоновый',
      'Обычное событие, которое CIRT обрабатывает в рамках текущей работы; влияния на основные услуги, безопасность или доверие общества не ожидается.',
    ],
    low: [
      'Низкий',
      'Ограниченный инцидент, который вряд ли затронет основные услуги, безопасность, экономику или доверие общества; CIRT обрабатывает его и сообщает о нём в обычном порядке.',
    ],
    medium: [
      'Средний',
      'Инцидент, который может затронуть основные услуги, безопасность, экономику или доверие общества; за ним следят руководитель CIRT, органы управления и отраслевой регулятор.',
    ],
    high: [
      'Высокий',
      'Инцидент, вероятно, заметно повлияет на основные услуги, безопасность, национальную или экономическую безопасность или доверие общества; вызываются группы непрерывности пострадавших операторов.',
    ],
    severe: [
      'Серьёзный',
      'Инцидент, вероятно, нанесёт серьёзный ущерб здоровью или безопасности населения, национальной или экономической безопасности, внешним связям или гражданским свободам; собирается национальный кризисный штаб.',
    ],
    emergency: [
      'Чрезвычайный',
      'Непосредственная угроза критически важным услугам в масштабах страны, стабильности государства или жизни людей; национальное кризисное управление задействуется полностью.',
    ],
  },
  audiences: {
    'cirt-lead': 'Руководитель CIRT',
    governance: 'Органы управления (министерство, совет)',
    press: 'Пресса и связи с общественностью',
    legal: 'Юридическая служба',
    'sector-regulator': 'Отраслевой регулятор',
    'operator-bcm': 'Группы непрерывности пострадавших операторов',
    'crisis-cell': 'Национальный кризисный штаб',
  },
  checklist: [
    [
      'Подтвердить активацию, записать её время и уровень серьёзности',
      'Активация внесена в кризисный журнал с временем и уровнем',
    ],
    ['Запустить дерево оповещения', 'Каждый в дереве или его заместитель подтвердил получение'],
    [
      'Собрать кризисный штаб в его помещении или на защищённой конференц-связи',
      'Штаб заседает, назначены председатель и секретарь',
    ],
    [
      'Открыть кризисный журнал и дать первую картину ситуации',
      'Первый доклад о ситуации получен кризисным штабом',
    ],
    [
      'Связаться с ответственными за непрерывность у пострадавших операторов и узнать, какие планы они задействовали',
      'Каждый пострадавший оператор подтвердил состояние непрерывности и ожидаемое восстановление относительно своего RTO',
    ],
    [
      'Согласовать публичную позицию с пресс-службой и юристами',
      'Предварительное заявление утверждено',
    ],
    [
      'Проинформировать органы управления и решить, чем делиться с партнёрскими CIRT и международными кризисными сетями',
      'Сводка отправлена, решение об обмене записано',
    ],
    [
      'Установить периодичность докладов о ситуации и условия отмены кризисного режима',
      'График докладов и условия отмены внесены в журнал',
    ],
  ],
  rules: {
    operators: 'С уровня «Высокий»: звонить группам непрерывности пострадавших операторов',
    checklist: 'С уровня «Серьёзный»: активировать кризисный контрольный список',
  },
};

const zh: DefaultTexts = {
  levels: {
    baseline: [
      '基线',
      '事件响应组在日常工作中处理的常规事件；预计不会影响基本服务、安全或公众信心。',
    ],
    low: [
      '低',
      '影响有限的事件，不太可能波及基本服务、安全、经济或公众信心；由事件响应组处理并按常规报告。',
    ],
    medium: [
      '中',
      '可能影响基本服务、安全、经济或公众信心的事件；由响应组负责人、治理层和行业监管机构跟进。',
    ],
    high: [
      '高',
      '可能对基本服务、安全、国家或经济安全或公众信心造成明显影响的事件；呼叫受影响运营者的业务连续性团队。',
    ],
    severe: [
      '严重',
      '可能严重损害公共健康或安全、国家或经济安全、对外关系或公民自由的事件；国家危机小组召开会议。',
    ],
    emergency: [
      '紧急',
      '对全国范围的关键服务、政府稳定或人员生命构成迫在眉睫的威胁；全面启动国家危机管理。',
    ],
  },
  audiences: {
    'cirt-lead': '事件响应组负责人',
    governance: '治理层（部委、理事会）',
    press: '媒体与公共沟通',
    legal: '法律顾问',
    'sector-regulator': '行业监管机构',
    'operator-bcm': '受影响运营者的业务连续性团队',
    'crisis-cell': '国家危机小组',
  },
  checklist: [
    ['确认启动，记录启动时间和严重级别', '启动及其时间和级别已记入危机日志'],
    ['启动联络树', '联络树中的每个人或其替补均已确认'],
    ['在危机室或安全会议线路上召集危机小组', '小组已开会，并指定了主持人和记录员'],
    ['开启危机日志并分享第一份态势概况', '第一份态势报告已送达危机小组'],
    [
      '联系受影响运营者的业务连续性负责人，了解其已启动哪些计划',
      '每个受影响运营者均已确认其连续性状态以及相对于其恢复时间目标的预计恢复情况',
    ],
    ['与新闻办公室和法律顾问商定对外口径', '临时声明已获批准'],
    [
      '向治理层通报，并决定与同行事件响应组和国际危机网络共享哪些信息',
      '通报已发出，共享决定已记录',
    ],
    ['确定态势通报的节奏和解除危机状态的条件', '通报日程和解除条件已记入日志'],
  ],
  rules: {
    operators: '自“高”级起：呼叫受影响运营者的业务连续性团队',
    checklist: '自“严重”级起：启动危机启动清单',
  },
};

export const defaultTexts: Record<Locale, DefaultTexts> = { en, fr, es, ar, ru, zh };
