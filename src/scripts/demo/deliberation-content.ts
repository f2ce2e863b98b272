// The words of the deliberation demo: neighbours, proposals and threads of 金韋社區 (stored in 繁體).
// Times are in days before the moment of seeding.

/** username, name, compound, building, unit */
export const NEIGHBOURS: [string, string, string, string, string][] = [
	['neighbor01', '何淑珍', '金韋花園', '1', '1-201'],
	['neighbor02', '馬志華', '金韋花園', '2', '2-602'],
	['neighbor03', '羅曉燕', '韋園新村', '5', '1-302'],
	['neighbor04', '高建平', '韋園新村', '7', '2-101'],
	['neighbor05', '林月娥', '金韋花園', '4', '1-401'],
	['neighbor06', '鄧國華', '金韋商業街', '1', '3-502'],
	['neighbor07', '許麗娟', '韋園新村', '10', '1-601'],
	['neighbor08', '謝永明', '金韋花園', '6', '2-1102'],
	['neighbor09', '韓秀蘭', '韋園新村', '2', '1-202'],
	['neighbor10', '唐文斌', '金韋花園', '8', '1-903'],
	['neighbor11', '馮佩玲', '金韋商業街', '3', '2-304'],
	['neighbor12', '曾志遠', '韋園新村', '11', '2-501'],
	['neighbor13', '蔡美華', '金韋花園', '10', '1-702'],
	['neighbor14', '彭家豪', '韋園新村', '6', '1-402'],
	['neighbor15', '蕭玉梅', '金韋花園', '3', '2-1001'],
	['neighbor16', '潘建軍', '韋園新村', '9', '3-301'],
	['neighbor17', '袁少芬', '金韋商業街', '2', '1-203'],
	['neighbor18', '鍾偉強', '金韋花園', '7', '2-502'],
	['neighbor19', '田淑貞', '韋園新村', '4', '2-602'],
	['neighbor20', '董子軒', '金韋花園', '11', '1-1501']
];

type Response =
	| { kind: 'answer' | 'menu'; by: string; at: number; text: string }
	| { kind: 'merge'; by: string; at: number; into: string; text: string }
	| { kind: 'withdraw'; at: number };

export type ProposalPlan = {
	key: string;
	by: string;
	community?: 'fenghuangshan';
	title: string;
	body: string;
	category: string;
	location?: string;
	/** Filed this many days ago. */
	at: number;
	seconds: number;
	/** The last second arrived this many days ago (default: six days after filing, at most yesterday). */
	secondsBy?: number;
	response?: Response;
};

export const PROPOSALS: ProposalPlan[] = [
	// ── taken to consultation (the threads below) ──
	{
		key: 'lift',
		by: 'resident4',
		title: '韋園新村 8 棟加裝電梯',
		body: '8 棟是 1995 年建的七層樓，沒有電梯。樓裡住著 11 位 70 歲以上的老人，其中 3 位坐輪椅，一年到頭下不了樓。\n\n希望社區牽頭，按照市裡的老舊小區加裝電梯補貼政策，在 8 棟 2 單元加裝一部電梯。\n\n- 費用：政府補貼約 40%，其餘按樓層分攤；\n- 一樓住戶的採光和噪音問題，需要一起商量補償。',
		category: 'facilities',
		location: '韋園新村 8 棟 2 單元',
		at: 100,
		seconds: 20,
		secondsBy: 92
	},
	{
		key: 'park',
		by: 'resident3',
		title: '韋園新村中心綠地改造成口袋公園',
		body: '韋園新村中心那塊綠地長期沒人打理，雜草叢生，下雨積水，蚊子很多。\n\n建議改造成口袋公園：鋪透水磚步道、加幾張長椅和一個小涼亭，保留大樹。老人可以曬太陽，孩子放學有地方玩。',
		category: 'environment',
		location: '韋園新村中心綠地',
		at: 60,
		seconds: 13,
		secondsBy: 47
	},
	{
		key: 'charging',
		by: 'resident6',
		title: '金韋花園增設電動自行車集中充電點',
		body: '小區裡電動自行車越來越多，很多人從樓上拉電線下來充電，或者把車推進樓道、電梯裡充，火災隱患很大。\n\n建議在小區內建一處**集中充電點**，帶過載自動斷電和煙感報警，按次掃碼收費，同時禁止飛線充電。',
		category: 'safety',
		location: '金韋花園',
		at: 30,
		seconds: 16,
		secondsBy: 14
	},
	{
		key: 'parking',
		by: 'resident2',
		title: '夜間停車難：錯峰共享商業街停車場',
		body: '每天晚上七點以後小區裡就找不到車位，很多車停在消防通道和人行道上。金韋商業街的地下停車場晚上基本是空的。\n\n建議居委會出面和商業街管理處談，讓居民晚上 7 點到早上 8 點錯峰停車，按月優惠收費。',
		category: 'parking',
		location: '金韋商業街地下停車場',
		at: 20,
		seconds: 11,
		secondsBy: 9
	},
	// ── qualified, waiting for the committee (two overdue) ──
	{
		key: 'garbage',
		by: 'resident7',
		title: '垃圾分類亭氣味大、清運不及時',
		body: '韋園新村 3 棟旁的垃圾分類亭，夏天氣味非常大，廚餘垃圾經常滿出來，清運車一天只來一次。\n\n希望增加清運次數到每天兩次，並且定期沖洗消毒。',
		category: 'environment',
		location: '韋園新村 3 棟旁',
		at: 36,
		seconds: 12,
		secondsBy: 21
	},
	{
		key: 'dance',
		by: 'neighbor05',
		title: '廣場舞音量太大，建議限定時段和音量',
		body: '社區廣場每晚 7 點到 10 點跳廣場舞，音響開得很大，旁邊 4 棟、6 棟的住戶孩子寫不了作業，老人也睡不好。\n\n不是反對跳舞，希望定個規矩：晚上 9 點前結束，音量控制在 60 分貝以下。',
		category: 'culture',
		location: '金韋社區文化廣場',
		at: 34,
		seconds: 14,
		secondsBy: 19
	},
	{
		key: 'meals',
		by: 'resident3',
		title: '長者食堂增加送餐上門服務',
		body: '社區長者食堂的飯菜便宜又好吃，但是行動不便的老人來不了。\n\n建議增加送餐上門：每天中午由志願者或食堂員工送到家，收少量配送費，優先照顧獨居和失能老人。',
		category: 'care',
		location: '金韋社區長者食堂',
		at: 12,
		seconds: 11,
		secondsBy: 3
	},
	{
		key: 'fees',
		by: 'resident8',
		title: '要求物業公開物業費收支明細',
		body: '物業費每年漲，但是小區的保潔、綠化、維修都沒見變好。\n\n按照《物業管理條例》，物業應當定期公布收支情況。希望居委會督促物業在公告欄和網上公布去年的收支明細。',
		category: 'property',
		at: 9,
		seconds: 10,
		secondsBy: 2
	},
	// ── on a project menu ──
	{
		key: 'nursery',
		by: 'resident5',
		title: '社區開辦 3 歲以下幼兒托育點',
		body: '雙職工家庭越來越多，3 歲以下的孩子沒人帶。附近的私立托育機構每月收費四五千元。\n\n建議利用社區服務中心二樓的空房間，辦一個普惠托育點，收費合理，由專業機構運營。',
		category: 'care',
		location: '金韋社區服務中心二樓',
		at: 75,
		seconds: 15,
		secondsBy: 62,
		response: { kind: 'menu', by: 'committee1', at: 55, text: '托育點需要場地改造和設備購置，列入明年民生微實事項目清單，由居民投票決定。' }
	},
	{
		key: 'reading',
		by: 'neighbor02',
		title: '老年活動室增加書報架和棋牌桌',
		body: '老年活動室現在只有幾張舊桌子，報紙也不全。希望增加書報架、訂幾份報紙雜誌，再添兩張麻將桌和象棋桌。',
		category: 'culture',
		location: '金韋社區老年活動室',
		at: 50,
		seconds: 12,
		secondsBy: 40,
		response: { kind: 'menu', by: 'committee1', at: 33, text: '費用不大，列入民生微實事項目清單。' }
	},
	{
		key: 'gate',
		by: 'neighbor07',
		title: '小區南門加裝門禁，外來人員登記',
		body: '小區南門沒有門禁，推銷、發廣告的人隨便進，最近還有電動車電池被偷。希望加裝門禁系統，外來人員登記後進入。',
		category: 'safety',
		location: '金韋花園南門',
		at: 45,
		seconds: 10,
		secondsBy: 35,
		response: { kind: 'menu', by: 'committee1', at: 28, text: '門禁改造已請物業報價，列入民生微實事項目清單。' }
	},
	// ── answered and closed ──
	{
		key: 'corridor',
		by: 'resident1',
		title: '金韋花園 3 棟樓道堆物佔用消防通道',
		body: '3 棟 1 單元的樓道堆滿了紙箱、舊家具和自行車，有的樓層只能側身通過，一旦著火人根本跑不出來。',
		category: 'safety',
		location: '金韋花園 3 棟 1 單元',
		at: 70,
		seconds: 11,
		secondsBy: 60,
		response: { kind: 'answer', by: 'committee1', at: 54, text: '居委會已聯合物業和網格員在 3 棟開展樓道清理，清走雜物 2 車，並張貼了消防提示。今後每月巡查一次，發現堆物先勸導，三天內不清理由物業統一清走。' }
	},
	{
		key: 'smoke',
		by: 'resident6',
		title: '商業街餐館油煙直排影響住戶',
		body: '金韋商業街 2 號樓一樓的幾家餐館，油煙沒有淨化直接排到後巷，樓上住戶不敢開窗，衣服曬出來都是油味。',
		category: 'environment',
		location: '金韋商業街 2 號樓',
		at: 48,
		seconds: 12,
		secondsBy: 40,
		response: { kind: 'answer', by: 'street', at: 32, text: '街道已將問題轉城管執法隊，三家餐館已限期安裝油煙淨化器，一家已整改完畢，其餘兩家月底前完成。城管將複查。' }
	},
	{
		key: 'doors',
		by: 'neighbor10',
		title: '8 棟單元門禁損壞三個月沒人修',
		body: '金韋花園 8 棟 1 單元的門禁壞了三個月，門一直開著，找了物業好幾次都說在等配件。',
		category: 'facilities',
		location: '金韋花園 8 棟 1 單元',
		at: 58,
		seconds: 10,
		secondsBy: 40,
		response: { kind: 'answer', by: 'committee1', at: 20, text: '抱歉回覆晚了。物業已更換門禁主機和門鎖，並承諾今後門禁故障 48 小時內修復。' }
	},
	{
		key: 'bikes',
		by: 'neighbor11',
		title: '共享單車亂停堵住盲道',
		body: '金韋商業街人行道上的共享單車停得亂七八糟，盲道被堵得死死的，推嬰兒車也過不去。',
		category: 'parking',
		location: '金韋商業街人行道',
		at: 26,
		seconds: 10,
		secondsBy: 17,
		response: { kind: 'answer', by: 'committee1', at: 10, text: '已聯繫三家單車公司劃定停放區，並安排每天早晚兩次清理。' }
	},
	// ── merged into the charging proposal ──
	{
		key: 'charging2',
		by: 'neighbor12',
		title: '希望小區多裝一些充電樁',
		body: '我家的電動車每天都要充電，小區沒有充電的地方，只能搬上樓，很不方便也不安全。',
		category: 'parking',
		at: 20,
		seconds: 3,
		secondsBy: 16,
		response: { kind: 'merge', by: 'committee1', at: 10, into: 'charging', text: '與「增設電動自行車集中充電點」是同一件事，合併一起協商。' }
	},
	{
		key: 'charging3',
		by: 'neighbor13',
		title: '樓下飛線充電太危險',
		body: '5 棟每天晚上都有人從三樓窗戶吊電線下來給電動車充電，線就搭在一樓的防盜網上，下雨天特別嚇人。',
		category: 'safety',
		location: '金韋花園 5 棟',
		at: 18,
		seconds: 4,
		secondsBy: 15,
		response: { kind: 'merge', by: 'committee1', at: 9, into: 'charging', text: '已合併到電動自行車集中充電點的協商。' }
	},
	// ── withdrawn by their authors ──
	{
		key: 'lockers',
		by: 'neighbor14',
		title: '小區內增設智能快遞櫃',
		body: '快遞都堆在門衛室，經常拿錯。希望增設快遞櫃。',
		category: 'other',
		at: 40,
		seconds: 2,
		secondsBy: 38,
		response: { kind: 'withdraw', at: 30 }
	},
	{
		key: 'market',
		by: 'resident2',
		title: '周末組織親子跳蚤市場',
		body: '建議每月最後一個周六在文化廣場辦親子跳蚤市場，孩子們交換玩具和書。',
		category: 'culture',
		at: 24,
		seconds: 1,
		secondsBy: 22,
		response: { kind: 'withdraw', at: 21 }
	},
	// ── still gathering seconds ──
	{
		key: 'roof',
		by: 'resident7',
		title: '韋園新村 12 棟屋頂漏水',
		body: '12 棟頂樓三戶人家一下雨就漏水，天花板發霉，牆皮脫落。屋頂防水層已經老化，希望用維修基金盡快修。',
		category: 'facilities',
		location: '韋園新村 12 棟頂樓',
		at: 8,
		seconds: 8,
		secondsBy: 2
	},
	{
		key: 'lights',
		by: 'neighbor01',
		title: '金韋花園路燈太暗，晚上散步看不清',
		body: '小區主路的路燈很暗，有幾盞已經不亮了。晚上老人散步看不清台階，上週有位阿姨摔了一跤。',
		category: 'safety',
		location: '金韋花園主路',
		at: 6,
		seconds: 9,
		secondsBy: 1
	},
	{
		key: 'mats',
		by: 'neighbor15',
		title: '兒童遊樂場地面加鋪安全軟墊',
		body: '遊樂場地面是水泥的，孩子從滑梯上摔下來很容易受傷。希望鋪上安全軟墊。',
		category: 'care',
		location: '金韋花園兒童遊樂場',
		at: 10,
		seconds: 3
	},
	{
		key: 'weeds',
		by: 'neighbor03',
		title: '韋園新村綠化帶雜草叢生、蚊蟲多',
		body: '5 棟、7 棟之間的綠化帶好幾個月沒修剪，草長到膝蓋高，夏天蚊子特別多，希望物業定期修剪和消殺。',
		category: 'environment',
		location: '韋園新村 5 棟與 7 棟之間',
		at: 7,
		seconds: 5,
		secondsBy: 2
	},
	{
		key: 'speed',
		by: 'neighbor04',
		title: '小區內車速太快，建議加裝減速帶',
		body: '小區主路是直路，有些車開得很快，孩子放學時特別危險。建議在幼兒園門口和主路轉彎處加裝減速帶。',
		category: 'parking',
		location: '金韋花園主路',
		at: 9,
		seconds: 6,
		secondsBy: 3
	},
	{
		key: 'guards',
		by: 'neighbor16',
		title: '物業保安夜間巡邏不到位',
		body: '晚上十點以後幾乎看不到保安巡邏，崗亭也經常沒人。希望物業落實夜間巡邏，並公布巡邏記錄。',
		category: 'property',
		at: 5,
		seconds: 2,
		secondsBy: 2
	},
	{
		key: 'phones',
		by: 'neighbor09',
		title: '開設老年人智能手機課堂',
		body: '很多老人不會用手機掛號、付款、視頻通話。希望社區每週開一次智能手機課，請年輕志願者一對一教。',
		category: 'care',
		location: '金韋社區服務中心',
		at: 11,
		seconds: 4,
		secondsBy: 4
	},
	{
		key: 'laundry',
		by: 'neighbor18',
		title: '增設公共晾曬區',
		body: '樓房陽台小，被子曬不開。希望在小區空地設幾排公共晾衣架，天晴時大家可以曬被子。',
		category: 'other',
		at: 4,
		seconds: 1,
		secondsBy: 2
	},
	{
		key: 'delivery',
		by: 'neighbor19',
		title: '外賣電動車在人行道上逆行',
		body: '商業街路口每到中午和傍晚，外賣電動車在人行道上逆行、闖紅燈，已經撞到過兩次行人。',
		category: 'parking',
		location: '金韋商業街路口',
		at: 3,
		seconds: 0
	},
	{
		key: 'water',
		by: 'neighbor08',
		title: '二次供水水箱清洗情況要公示',
		body: '樓頂的二次供水水箱多久清洗一次？水質檢測報告在哪裡？希望物業每次清洗後在單元門口公示清洗記錄和水質報告。',
		category: 'property',
		at: 13,
		seconds: 7,
		secondsBy: 3
	},
	{
		key: 'court',
		by: 'neighbor20',
		title: '籃球場夜間開放時間延長到十點',
		body: '籃球場晚上八點就關燈鎖門，上班族下班後根本打不了球。希望延長到晚上十點，可以刷卡進出。',
		category: 'culture',
		location: '金韋社區籃球場',
		at: 2,
		seconds: 0
	},
	{
		key: 'solar',
		by: 'neighbor17',
		title: '樓頂違規加裝太陽能熱水器有安全隱患',
		body: '金韋花園 2 棟樓頂有人私自加裝了幾台太陽能熱水器，支架生鏽，颱風天很危險。',
		category: 'safety',
		location: '金韋花園 2 棟樓頂',
		at: 5,
		seconds: 2,
		secondsBy: 2
	},
	// ── 鳳凰山社區 ──
	{
		key: 'fh-ramps',
		by: 'resident9',
		community: 'fenghuangshan',
		title: '鳳凰苑各單元門口加裝無障礙坡道',
		body: '鳳凰苑老人多，單元門口都有三級台階，輪椅和助行器上不去。希望每個單元門口加裝無障礙坡道和扶手。',
		category: 'facilities',
		location: '鳳凰苑',
		at: 15,
		seconds: 0
	}
];

type CommentPlan = {
	by: string;
	stance?: 'support' | 'oppose' | 'neutral' | 'question';
	body: string;
	/** Index (in this list) of the top-level comment this replies to. */
	replyTo?: number;
	/** The committee hides it with this reason. */
	hide?: string;
	/** Residents who report it (three hide it pending review). */
	reportedBy?: string[];
};
type StagePlan = { stage: number; at: number; body: string; outcome: string; entitled: number; attended: number; votes?: [number, number, number] };

export type ThreadPlan = {
	topic: string;
	background: string;
	proposal?: string;
	major?: boolean;
	at: number;
	closesInDays?: number;
	comments: CommentPlan[];
	pinned?: string;
	stages?: StagePlan[];
	/** Closed with this resolution `closedAt` days ago. */
	resolution?: string;
	closedAt?: number;
	implementation?: { at: number; text: string };
};

export const THREADS: ThreadPlan[] = [
	{
		topic: '8 棟加裝電梯方案',
		proposal: 'lift',
		major: true,
		at: 90,
		background:
			'8 棟 2 單元 14 戶居民提出加裝電梯。按照「四議兩公開」辦理：\n\n1. **提議**：居民代表提出方案；\n2. **商議**：居委會組織單元全體業主協商費用分攤和一樓補償；\n3. **審議**：居民代表會議審議；\n4. **決議**：單元業主大會表決。\n\n應到人數按 8 棟 2 單元業主及居民代表計算，共 32 人。',
		comments: [
			{ by: 'resident4', stance: 'support', body: '我母親 82 歲，腿腳不好，已經兩年沒下過樓了。電梯是我們全家最大的心願。' },
			{ by: 'neighbor14', stance: 'oppose', body: '我住一樓，電梯井會擋住我家客廳的採光，而且電梯運行有噪音，我不同意現在的位置。' },
			{ by: 'resident7', stance: 'question', body: '一樓的補償怎麼算？有沒有其他小區的先例可以參考？', replyTo: 1 },
			{ by: 'neighbor07', stance: 'support', body: '按樓層分攤很公平，七樓出得最多我也願意，只要能早點裝上。' },
			{ by: 'neighbor16', stance: 'neutral', body: '支持裝，但是希望選一個噪音小的品牌，每年的維護費也要先說清楚。' },
			{ by: 'resident4', body: '一樓、二樓不分攤費用，另外由高層住戶每戶出 2000 元補償一樓，大家看可以嗎？', replyTo: 1 }
		],
		stages: [
			{ stage: 1, at: 85, entitled: 32, attended: 20, outcome: '同意把加裝電梯列入議程，進入商議', body: '居民代表王秀英、劉偉提出在 8 棟 2 單元加裝電梯，介紹了市裡的補貼政策和初步費用估算（約 68 萬元）。' },
			{ stage: 2, at: 75, entitled: 32, attended: 26, outcome: '形成費用分攤和一樓補償方案', body: '單元業主協商會：費用按樓層係數分攤，一樓、二樓不分攤；高層住戶每戶補償一樓 2000 元；電梯井位置向北移 1.2 米以減少對一樓採光的影響。' },
			{ stage: 3, at: 65, entitled: 32, attended: 14, votes: [12, 1, 1], outcome: '出席人數不足一半，本次審議無效，另行召開', body: '居民代表會議因颱風天出席人數不足，投票結果不生效。' },
			{ stage: 3, at: 58, entitled: 32, attended: 28, votes: [22, 4, 2], outcome: '審議通過，提交業主大會表決', body: '居民代表會議審議了費用分攤方案和施工安排，對噪音控制提出了要求。' },
			{ stage: 4, at: 50, entitled: 32, attended: 30, votes: [25, 3, 2], outcome: '決議通過', body: '8 棟 2 單元業主大會表決，同意按商議方案加裝電梯。' }
		],
		resolution: '**決議**：8 棟 2 單元加裝電梯一部。\n\n- 總造價約 68 萬元，政府補貼 40%；\n- 其餘費用按樓層係數分攤，一樓、二樓不分攤；\n- 三樓以上每戶補償一樓住戶 2000 元；\n- 電梯井北移 1.2 米，施工期間每天 8:00–18:00 作業，午休不施工。',
		closedAt: 48,
		implementation: { at: 3, text: '電梯已於本月完工，經市場監管部門檢驗合格並投入使用。實際造價 66.4 萬元，政府補貼 26.6 萬元已到位，分攤明細已在單元門口公示。' }
	},
	{
		topic: '韋園新村中心綠地改造方案',
		proposal: 'park',
		at: 45,
		background: '中心綠地約 600 平方米。初步設計有兩個方案：\n\n- **方案一**：透水磚步道 + 長椅 + 涼亭，保留全部大樹；\n- **方案二**：在方案一基礎上增加兒童沙池。\n\n請大家發表意見。',
		comments: [
			{ by: 'resident3', stance: 'support', body: '支持方案一，老人多，涼亭很實用。' },
			{ by: 'neighbor03', stance: 'support', body: '希望加沙池，孩子們沒地方玩。', replyTo: 0 },
			{ by: 'neighbor09', stance: 'oppose', body: '沙池容易有貓狗大小便，衛生很難保證，反對加沙池。' },
			{ by: 'neighbor12', stance: 'question', body: '施工要多久？施工期間綠地周邊的路還能走嗎？' },
			{ by: 'resident7', stance: 'support', body: '方案一就很好，盡快動工吧。' }
		],
		resolution: '經協商，採用**方案一**（透水磚步道、長椅、涼亭，保留全部大樹），不設沙池。工程列入街道年度計劃，預計雨季後開工，工期約 45 天，施工期間保留一條通道。',
		closedAt: 25
	},
	{
		topic: '電動自行車集中充電點選址和收費',
		proposal: 'charging',
		at: 12,
		closesInDays: 10,
		background:
			'金韋花園擬建一處電動自行車集中充電點（約 60 個插座，帶過載斷電、煙感和監控）。\n\n目前有兩個候選位置：\n\n1. **7 棟旁空地**：離住戶近，但靠近幼兒園；\n2. **北門停車場角落**：離幼兒園遠，但部分住戶要多走 5 分鐘。\n\n收費參考周邊小區：1 元充 4 小時。請大家說說看法。',
		comments: [
			{ by: 'resident2', stance: 'support', body: '強烈支持！我們 5 棟樓下每晚都有人從三樓拉電線下來充電，上個月隔壁小區就燒了一台車。' },
			{ by: 'resident4', stance: 'question', body: '收費怎麼算？按小時還是按度？如果太貴大家還是會拉線。', replyTo: 0 },
			{ by: 'resident6', body: '周邊小區是 1 元充 4 小時，掃碼付款，應該可以接受。', replyTo: 0 },
			{ by: 'neighbor03', stance: 'oppose', body: '反對放在 7 棟旁邊的空地，那裡離幼兒園太近，萬一起火後果不堪設想。' },
			{ by: 'resident1', stance: 'neutral', body: '同意要遠離幼兒園，可以考慮北門停車場的角落。', replyTo: 3 },
			{ by: 'neighbor08', stance: 'support', body: '建議加裝監控和煙感，晚上最好有人值守，大家更放心。' },
			{ by: 'resident5', stance: 'question', body: '充電樁由誰來維護？物業還是第三方公司？壞了找誰？' },
			{ by: 'neighbor17', stance: 'oppose', body: '搞這些的人就是想收錢，居委會那幾個人全是騙子！', hide: '含人身攻擊，請就事論事。' },
			{ by: 'neighbor15', stance: 'neutral', body: '支持建，但是數量要夠。全小區電動車兩百多台，60 個插座恐怕不夠。' },
			{ by: 'neighbor09', stance: 'oppose', body: '我家就在北門停車場旁邊，充電點放那裡晚上人來人往，希望再考慮一下。' },
			{ by: 'neighbor04', stance: 'support', body: '充電本身沒有聲音，主要是人來人往，可以限定晚上十點以後只取車不新充。', replyTo: 9 },
			{ by: 'neighbor20', stance: 'neutral', body: '低價出售二手電動車電池，全新未拆封，有意私信 138xxxx5678', reportedBy: ['resident1', 'resident2', 'neighbor01'] },
			{ by: 'grid1', stance: 'support', body: '網格員補充：上週巡查發現 5 棟、9 棟都有飛線充電，已經勸導，但治標不治本，集中充電點越快建越好。' },
			// the committee's official answer to the maintenance question (no stance)
			{ by: 'committee1', body: '居委會答覆：充電樁由中標的運營公司負責維護，合同要求故障 24 小時內修復，樁上會貼報修電話，也可以直接找網格員陳志明。', replyTo: 6 }
		],
		pinned: '目前多數居民**支持**建集中充電點，分歧在**選址**（7 棟旁空地 vs 北門停車場）和**收費**。居委會將在下週邀請物業和供電所到兩個位置現場勘察，勘察結果會貼在這裡。'
	},
	{
		topic: '商業街停車場夜間錯峰共享',
		proposal: 'parking',
		at: 8,
		background: '金韋商業街地下停車場共 180 個車位，晚上 7 點後使用率不到兩成。居委會初步和管理處溝通，對方願意以月租形式向居民開放夜間停車（19:00–次日 8:00）。\n\n請大家就時段、價格和管理方式發表意見。',
		comments: [
			{ by: 'resident8', stance: 'support', body: '商業街的停車場晚上八點後基本空著，讓居民夜間停、早上開走，兩全其美。' },
			{ by: 'neighbor06', stance: 'question', body: '商業街停車場是私人產權吧？業主那邊願意嗎？', replyTo: 0 },
			{ by: 'resident2', body: '我問過管理處，他們說只要居委會出面簽協議就可以談。', replyTo: 0 },
			{ by: 'neighbor11', stance: 'oppose', body: '早上八點前要開走太難了，送孩子上學回來就沒位了，能不能延長到九點？' },
			{ by: 'neighbor14', stance: 'support', body: '支持。現在晚上車都停到消防通道上，真出事消防車都進不來。' },
			{ by: 'neighbor16', stance: 'neutral', body: '可以先試行三個月，看看效果再說。' },
			{ by: 'resident7', stance: 'support', body: '同意試行，試行期間價格要優惠一點。', replyTo: 5 },
			{ by: 'neighbor19', stance: 'oppose', body: '樓上那個反對的，你自己家有車位當然不急！', hide: '針對個別居民，請就事論事。' },
			{ by: 'neighbor18', stance: 'question', body: '月租大概多少錢？有沒有初步的價格？' },
			{ by: 'resident3', stance: 'support', body: '我們老年人不開車，但是支持。路邊亂停車，老人走路很不安全。' }
		]
	}
];
