"""Strings of the K-max pooling lesson (page 4)."""

TEXT = {
    "km.title": {"en": "K-max pooling", "zh": "K-max 池化"},
    "km.intro": {
        "en": "Max pooling keeps one value per window. K-max pooling keeps the **k largest** values "
              "instead, and it is usually applied along a whole axis rather than inside small "
              "windows: every column (or every feature) is shortened to exactly k numbers.",
        "zh": "最大池化在每个窗口里只留下一个值，K-max 池化则留下**最大的 k 个**值。它通常沿着"
              "整条轴进行，而不是在一个个小窗口里：每一列（也就是每个特征）都被压缩成恰好 k 个数。",
    },
    # -- figure 2
    "km.fig2_header": {"en": "The tutorial's figure 2, one column at a time",
                       "zh": "教程图 2：逐列演示"},
    "km.fig2_intro": {
        "en": "The 4×4 input holds four features F1 to F4, one per column. K-max pooling looks at "
              "each column on its own and keeps its k largest values, so the output has k rows "
              "and the same four columns.",
        "zh": "4×4 的输入包含 F1 到 F4 四个特征，每列一个。K-max 池化逐列单独处理，每列只保留"
              "最大的 k 个值，所以输出有 k 行，列数仍是 4。",
    },
    "km.k": {"en": "k: values kept per column", "zh": "k：每列保留几个值"},
    "km.k_help": {
        "en": "k = 1 is ordinary max pooling over the whole column; k = 4 keeps everything.",
        "zh": "k = 1 相当于对整列做最大池化；k = 4 则全部保留。",
    },
    "km.keep_order": {"en": "Keep the original order", "zh": "保持原有顺序"},
    "km.keep_order_help": {
        "en": "On: the kept values appear in the order they had in the column (the paper's "
              "definition). Off: largest first, as a plain top-k would list them.",
        "zh": "打开：保留下来的值按它们在原列中的先后排列（论文中的定义）。关闭：从大到小排列，"
              "就像普通的 top-k 那样。",
    },
    "km.walk_hint": {
        "en": "Press **{play}** or drag the slider under the picture to walk the columns. The "
              "current column is framed in colour, its kept cells are outlined in vermilion, and "
              "its output column is written on the right. Columns already done keep a grey outline.",
        "zh": "点击**{play}**或拖动图下方的滑块，逐列查看。当前列用彩色框标出，被保留的格子用朱红色"
              "描边，对应的输出列写在右侧；已经处理过的列保留灰色描边。",
    },
    "km.output_title": {"en": "Output: {k} × {w}", "zh": "输出：{k} × {w}"},
    "km.column": {"en": "Column", "zh": "列"},
    "km.columns_header": {"en": "What each column keeps", "zh": "每一列保留了什么"},
    "km.column_line": {
        "en": "**{name}** = [{values}]: {k:the largest sits|the # largest sit} at {rows:row|rows} {rows} → **[{kept}]**",
        "zh": "**{name}** = [{values}]：最大的 {k} 个值位于第 {rows} 行 → **[{kept}]**",
    },
    "km.rows_note": {
        "en": "Rows are counted from 0, as on the grid.",
        "zh": "行号从 0 开始计数，与网格上的编号一致。",
    },
    "km.order_on": {
        "en": "**Order kept.** The chosen values are written in the order they had in the column, "
              "not sorted. This is how Kalchbrenner, Grefenstette and Blunsom defined K-max "
              "pooling (ACL 2014): with k = 2, F2 = [5, 6, 1, 8] gives [6, 8] because 6 comes before 8.",
        "zh": "**保持顺序。** 选中的值按它们在原列中的先后写出，而不是重新排序。这正是 "
              "Kalchbrenner、Grefenstette 和 Blunsom（ACL 2014）对 K-max 池化的定义："
              "k = 2 时，F2 = [5, 6, 1, 8] 的结果是 [6, 8]，因为 6 排在 8 前面。",
    },
    "km.order_off": {
        "en": "**Order dropped.** Now the chosen values are listed largest first, which is what a "
              "plain top-k returns. The kept values are the same, but with k = {k} the order changes in "
              "{cols}: the information about which came first is gone.",
        "zh": "**不保持顺序。** 现在选中的值按从大到小排列，这是普通 top-k 的输出方式。保留的"
              "数值没有变，但 k = {k} 时 {cols} 的顺序变了：谁在前、谁在后的信息丢失了。",
    },
    "km.order_off_same": {
        "en": "**Order dropped.** Now the chosen values would be listed largest first, as a plain top-k "
              "returns them. With k = {k} every column comes out the same either way (one value has no "
              "order to lose); try a larger k to see the order change.",
        "zh": "**不保持顺序。** 现在选中的值会按从大到小排列，这是普通 top-k 的输出方式。k = {k} 时"
              "每一列的结果都一样（只留一个值就谈不上顺序）；把 k 调大，就能看到顺序的变化。",
    },
    "km.ties": {
        "en": "**Ties.** F1 = [1, 2, 3, 2] has two 2s, at rows 1 and 3. With k = 2 only one of them "
              "fits next to the 3; the earlier one (row 1) wins, so F1 becomes [2, 3].",
        "zh": "**数值相同时。** F1 = [1, 2, 3, 2] 中有两个 2，分别在第 1 行和第 3 行。k = 2 时，除了 3 "
              "只能再留一个；位置靠前的那个（第 1 行）胜出，所以 F1 变成 [2, 3]。",
    },
    # -- sentences
    "km.nlp_header": {"en": "Why language models use it: a sentence as a matrix",
                      "zh": "为什么自然语言处理常用它：把句子看成矩阵"},
    "km.nlp_intro": {
        "en": "In a sentence model each word becomes a column of feature scores, for example the "
              "output of a convolution layer. Below, four rows are four features and each column "
              "is one word. K-max pooling along the words keeps, for every feature, the k words "
              "where that feature is strongest, and writes them in sentence order. Note the turn: in "
              "figure 2 each feature was a column and K-max ran down the columns; here, as in the "
              "paper, each feature is a row and K-max runs along it.",
        "zh": "在句子模型中，每个词都会变成一列特征得分，例如卷积层的输出。下图中四行代表四个"
              "特征，每一列是一个词。沿词的方向做 K-max 池化：对每个特征，留下该特征最强的 k "
              "个词，并按它们在句子中的顺序写出。注意方向变了：图 2 中每个特征是一列，K-max 沿列向下取值；"
              "这里和论文一样，每个特征是一行，K-max 沿行取值。",
    },
    "km.sentence": {"en": "Sentence (number of words)", "zh": "句子（词数）"},
    "km.sentence_caption": {"en": "“{text}”", "zh": "“{text}”"},
    "km.feat.negation": {"en": "negation", "zh": "否定"},
    "km.feat.positive": {"en": "positive", "zh": "正面情感"},
    "km.feat.intensity": {"en": "intensity", "zh": "程度"},
    "km.feat.film": {"en": "about film", "zh": "电影话题"},
    "km.nlp_input_title": {"en": "{n} words × 4 features", "zh": "{n} 个词 × 4 个特征"},
    "km.nlp_output_title": {"en": "Output: 4 × {k}", "zh": "输出：4 × {k}"},
    "km.nlp_fixed": {
        "en": "This sentence has {n} words, yet the output is 4 × {k}. Pick a shorter or longer "
              "sentence: the output size stays the same, so the layers after it always receive "
              "an input of one fixed size.",
        "zh": "这个句子有 {n} 个词，输出却是 4 × {k}。换一个更短或更长的句子，输出的大小都不变，"
              "后面的层因此总能得到固定大小的输入。",
    },
    "km.nlp_kept": {"en": "Words kept for each feature:", "zh": "每个特征保留下来的词："},
    "km.nlp_kept_line": {"en": "**{feature}**: {words}", "zh": "**{feature}**：{words}"},
    "km.nlp_order_on": {
        "en": "Because the order is kept, each feature's words come out in reading order, so the "
              "layer above still knows which came first. In the 7-word sentence with k = 2, the "
              "intensity feature keeps “at, all”, not “all, at”. Switch the order off to see the "
              "words sorted by strength instead.",
        "zh": "由于保持了顺序，每个特征保留的词都按阅读顺序输出，上一层仍然知道谁先谁后。在 7 个词的"
              "句子中取 k = 2 时，“程度”特征保留的是“一点、也”，而不是“也、一点”。关闭“保持原有顺序”，"
              "可以看到这些词改按强弱排列。",
    },
    "km.nlp_order_off": {
        "en": "With the order switch off, each feature's words are listed strongest first, so "
              "the sentence order is lost. Switch it back on to compare.",
        "zh": "关闭“保持原有顺序”后，每个特征的词按强弱排列，句子中的先后顺序就丢失了。"
              "重新打开开关对比一下。",
    },
    "km.nlp_scores_note": {
        "en": "The scores are made up for this lesson; a trained network learns its own features.",
        "zh": "这些得分是为本课编造的；训练好的网络会自己学出特征。",
    },
    # -- dynamic k
    "km.dyn_header": {"en": "Dynamic k: keep fewer values in deeper layers",
                      "zh": "动态 k：越深的层保留的值越少"},
    "km.dyn_intro": {
        "en": "In the paper's network, convolution and K-max pooling repeat over L layers. A "
              "fixed k would not suit sentences of every length, so layer l keeps "
              "k_l = max(k_top, ⌈(L − l) / L · s⌉) values, where s is the sentence length and "
              "k_top is the fixed k of the last layer. Early layers keep a large share of the "
              "sentence; the top layer always keeps k_top.",
        "zh": "论文中的网络把卷积和 K-max 池化重复 L 层。固定的 k 无法适应各种长度的句子，所以"
              "第 l 层保留 k_l = max(k_top, ⌈(L − l) / L · s⌉) 个值，其中 s 是句子长度，k_top 是"
              "最后一层固定的 k。靠前的层保留句子的大部分内容，最顶层始终保留 k_top 个。",
    },
    "km.dyn_L": {"en": "L: number of layers", "zh": "L：层数"},
    "km.dyn_ktop": {"en": "k_top: k of the last layer", "zh": "k_top：最后一层的 k"},
    "km.dyn_s": {"en": "s: sentence length (words)", "zh": "s：句子长度（词数）"},
    "km.dyn_layer": {"en": "layer {layer}", "zh": "第 {layer} 层"},
    "km.dyn_length": {"en": "sentence length s", "zh": "句子长度 s"},
    "km.dyn_paper": {
        "en": "The paper's example, L = 3, k_top = 3, s = 18, gives 12, 6 and 3.",
        "zh": "论文中的例子 L = 3、k_top = 3、s = 18，得到 12、6、3。",
    },
    "km.dyn_too_short": {
        "en": "Here k is larger than the sentence ({s} {s:word|words}) in some layer. A sentence that short "
              "has to be padded (for example with zero vectors) before it can give up that many "
              "values.",
        "zh": "此时有的层的 k 比句子长度（{s} 个词）还大。这么短的句子需要先补齐（例如补零向量），"
              "才能取出这么多个值。",
    },
}
