"""Strings of lesson 1, "What pooling is" (keys ``intro.*``)."""

TEXT = {
    "intro.lead": {
        "en": "**Pooling** slides a small window over a feature map and replaces everything inside "
              "the window by **one number that summarises it**: usually the largest value "
              "(*max pooling*) or the mean (*average pooling*). There is nothing to learn: the "
              "window size and the step are chosen by hand.",
        "zh": "**池化**就是让一个小窗口在特征图上滑动，把窗口里的所有数值**用一个统计量来代替**："
              "通常取最大值（**最大池化**）或平均值（**平均池化**）。池化层没有需要学习的参数，"
              "窗口大小和步幅都是事先设定好的。",
    },
    "intro.why": {
        "en": "Why does that work? Neighbouring values of a feature map are often nearly the same, "
              "so one number per region keeps most of what matters. Think of telling whether a "
              "picture shows a face: it matters that there is an eye on the left and another on the "
              "right, far more than the exact pixel each eye sits on.",
        "zh": "为什么可以这样做？特征图中相邻的数值往往差不多，存在大量冗余，每个区域留下一个数"
              "就能保住大部分有用的信息。比如判断一张图是不是人脸：重要的是左边有一只眼睛、右边也有"
              "一只眼睛，至于眼睛具体落在哪个像素上，并没有那么要紧。",
    },
    "intro.effect": {
        "en": "The result is a smaller map, so the next layer has fewer numbers to process. Every "
              "channel is pooled on its own, so the number of channels does not change. The most "
              "common setting, a 2×2 window that moves 2 cells at a time (stride 2), halves the "
              "height and the width.",
        "zh": "池化后的特征图变小了，下一层要处理的数值也就少了。每个通道各自单独池化，所以通道数"
              "保持不变。最常用的设置是 2×2 的池化窗口、步幅为 2，它会把特征图的高和宽都减半。",
    },
    "intro.picture": {"en": "A picture", "zh": "看一个例子"},
    "intro.fig_input": {"en": "{h}×{w} feature map, 2×2 windows", "zh": "特征图 {h}×{w}（已框出 2×2 窗口）"},
    "intro.fig_output": {"en": "After max pooling: {h}×{w}", "zh": "最大池化之后：{h}×{w}"},
    "intro.fig_caption": {
        "en": "Left: a made-up {h}×{w} feature map, the response of an \"eye detector\" run over a "
              "face: large values where the two eyes are. Right: 2×2 max pooling with stride 2 keeps "
              "the largest value of each outlined window, {n_out} numbers instead of {n_in}. The "
              "strong responses are still top left and top right; only their exact position was "
              "given up.",
        "zh": "左：一张虚构的 {h}×{w} 特征图，可以把它看成“眼睛检测器”在一张人脸上的响应，两只眼睛"
              "所在的位置数值很大。右：用 2×2 窗口、步幅 2 做最大池化，每个框出的窗口只留下最大值，"
              "{n_in} 个数变成了 {n_out} 个。强响应仍然在左上和右上，丢掉的只是它们的精确位置。",
    },
    "intro.kinds": {"en": "Three kinds of pooling in these lessons", "zh": "本课程介绍的三种池化"},
    "intro.kind_avg": {
        "en": "**Average pooling**: the mean of the values in the window.",
        "zh": "**平均池化**：取窗口内所有数值的平均值。",
    },
    "intro.kind_max": {
        "en": "**Max pooling**: the largest value in the window.",
        "zh": "**最大池化**：取窗口内的最大值。",
    },
    "intro.kind_kmax": {
        "en": "**K-max pooling**: the K largest values of a column, kept in their original order; "
              "used mostly for text, where sentences have different lengths.",
        "zh": "**K-max 池化**：从一列中选出最大的 K 个值，并保持它们原来的先后顺序；多用于"
              "文本处理，因为句子长短不一。",
    },
    "intro.map": {"en": "The lessons", "zh": "课程安排"},
    "intro.map_walkthrough": {
        "en": "Follow the 2×2 window over a 4×4 input step by step, with the arithmetic of each output.",
        "zh": "跟着 2×2 池化窗口在 4×4 输入上一步步移动，看清每个输出值是怎么算出来的。",
    },
    "intro.map_playground": {
        "en": "Choose the input, window, stride and padding yourself and watch the output size change.",
        "zh": "自己设定输入、窗口大小、步幅和填充，观察输出特征图的尺寸如何变化。",
    },
    "intro.map_kmax": {
        "en": "Keep the K largest values of each column, in order, and see why text models like it.",
        "zh": "在每一列中按原顺序保留最大的 K 个值，并了解它为什么适合文本任务。",
    },
    "intro.map_invariance": {
        "en": "Shift the input by a pixel: when does max pooling keep its output, and when not?",
        "zh": "把输入平移一个像素：最大池化的输出什么时候不变，什么时候会变？",
    },
    "intro.map_backward": {
        "en": "How gradients flow back through average and max pooling.",
        "zh": "梯度如何经过平均池化和最大池化反向传播。",
    },
}
